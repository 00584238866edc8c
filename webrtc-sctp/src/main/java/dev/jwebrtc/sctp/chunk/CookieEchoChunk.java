package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** COOKIE ECHO (RFC 9260 §3.3.11): returns the State Cookie of the INIT ACK. */
public record CookieEchoChunk(byte[] cookie) implements Chunk {
    @Override public int type() { return COOKIE_ECHO; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return cookie.length; }
    @Override public void writeValue(ByteBuffer out) { out.put(cookie); }
}
