package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** ABORT (RFC 9260 §3.3.7); T set means the verification tag is reflected (the receiver's own tag). */
public record AbortChunk(boolean tagReflected, List<ErrorCause> causes) implements Chunk {
    public AbortChunk {
        causes = List.copyOf(causes);
    }

    static AbortChunk decode(int flags, ByteBuffer value) {
        return new AbortChunk((flags & 1) != 0, ErrorCause.decodeAll(value));
    }

    @Override public int type() { return ABORT; }
    @Override public int flags() { return tagReflected ? 1 : 0; }
    @Override public int valueLength() { return ErrorCause.encodedLength(causes); }

    @Override
    public void writeValue(ByteBuffer out) {
        for (ErrorCause c : causes) {
            c.encode(out);
        }
    }
}
