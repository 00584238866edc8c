package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** SHUTDOWN COMPLETE (RFC 9260 §3.3.13); T set means the verification tag is reflected. */
public record ShutdownCompleteChunk(boolean tagReflected) implements Chunk {
    @Override public int type() { return SHUTDOWN_COMPLETE; }
    @Override public int flags() { return tagReflected ? 1 : 0; }
    @Override public int valueLength() { return 0; }
    @Override public void writeValue(ByteBuffer out) {}
}
