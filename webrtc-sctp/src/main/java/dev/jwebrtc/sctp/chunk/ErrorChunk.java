package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** ERROR (RFC 9260 §3.3.10): reports conditions that do not end the association. */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {
    public ErrorChunk {
        causes = List.copyOf(causes);
    }

    static ErrorChunk decode(ByteBuffer value) {
        return new ErrorChunk(ErrorCause.decodeAll(value));
    }

    @Override public int type() { return ERROR; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return ErrorCause.encodedLength(causes); }

    @Override
    public void writeValue(ByteBuffer out) {
        for (ErrorCause c : causes) {
            c.encode(out);
        }
    }
}
