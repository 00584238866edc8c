package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** State Cookie (RFC 9260 §3.3.3.1) in an INIT ACK: opaque to the receiver, echoed in COOKIE ECHO. */
public record StateCookieParameter(byte[] cookie) implements Parameter {
    @Override public int type() { return STATE_COOKIE; }
    @Override public int valueLength() { return cookie.length; }
    @Override public void writeValue(ByteBuffer out) { out.put(cookie); }
}
