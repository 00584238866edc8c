package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** Heartbeat Info (RFC 9260 §3.3.5): opaque sender data echoed by HEARTBEAT ACK. */
public record HeartbeatInfoParameter(byte[] info) implements Parameter {
    @Override public int type() { return HEARTBEAT_INFO; }
    @Override public int valueLength() { return info.length; }
    @Override public void writeValue(ByteBuffer out) { out.put(info); }
}
