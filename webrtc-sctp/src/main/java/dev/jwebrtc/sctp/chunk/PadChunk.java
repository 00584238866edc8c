package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** PAD (RFC 4820 §3): padding bytes the receiver ignores; used for path MTU probes. */
public record PadChunk(int paddingLength) implements Chunk {
    @Override public int type() { return PAD; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return paddingLength; }
    @Override public void writeValue(ByteBuffer out) { Wire.zeros(out, paddingLength); }
}
