package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** SHUTDOWN ACK (RFC 9260 §3.3.9). */
public record ShutdownAckChunk() implements Chunk {
    /** The only value. */
    public static final ShutdownAckChunk INSTANCE = new ShutdownAckChunk();

    @Override public int type() { return SHUTDOWN_ACK; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 0; }
    @Override public void writeValue(ByteBuffer out) {}
}
