package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** HEARTBEAT (RFC 9260 §3.3.5): probes the path; carries a Heartbeat Info parameter. */
public record HeartbeatChunk(List<Parameter> parameters) implements Chunk {
    public HeartbeatChunk {
        parameters = List.copyOf(parameters);
    }

    static HeartbeatChunk decode(ByteBuffer value) {
        return new HeartbeatChunk(Parameter.decodeAll(value));
    }

    @Override public int type() { return HEARTBEAT; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return Parameter.encodedLength(parameters); }
    @Override public void writeValue(ByteBuffer out) { Parameter.encodeAll(parameters, out); }
}
