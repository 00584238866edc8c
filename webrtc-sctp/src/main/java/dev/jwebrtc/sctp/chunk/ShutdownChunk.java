package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** SHUTDOWN (RFC 9260 §3.3.8): starts a graceful close and acknowledges up to a cumulative TSN. */
public record ShutdownChunk(long cumulativeTsnAck) implements Chunk {
    static ShutdownChunk decode(ByteBuffer value) {
        Wire.need(value, 4, "SHUTDOWN");
        return new ShutdownChunk(Wire.u32(value));
    }

    @Override public int type() { return SHUTDOWN; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 4; }
    @Override public void writeValue(ByteBuffer out) { out.putInt((int) cumulativeTsnAck); }
}
