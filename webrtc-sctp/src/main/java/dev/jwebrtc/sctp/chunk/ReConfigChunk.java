package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** RE-CONFIG (RFC 6525 §3.1): one or two request/response parameters. */
public record ReConfigChunk(List<Parameter> parameters) implements Chunk {
    public ReConfigChunk {
        parameters = List.copyOf(parameters);
    }

    static ReConfigChunk decode(ByteBuffer value) {
        return new ReConfigChunk(Parameter.decodeAll(value));
    }

    @Override public int type() { return RE_CONFIG; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return Parameter.encodedLength(parameters); }
    @Override public void writeValue(ByteBuffer out) { Parameter.encodeAll(parameters, out); }
}
