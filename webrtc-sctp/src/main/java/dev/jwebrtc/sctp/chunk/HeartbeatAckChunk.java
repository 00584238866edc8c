package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** HEARTBEAT ACK (RFC 9260 §3.3.6): echoes the Heartbeat Info of a HEARTBEAT. */
public record HeartbeatAckChunk(List<Parameter> parameters) implements Chunk {
    public HeartbeatAckChunk {
        parameters = List.copyOf(parameters);
    }

    static HeartbeatAckChunk decode(ByteBuffer value) {
        return new HeartbeatAckChunk(Parameter.decodeAll(value));
    }

    @Override public int type() { return HEARTBEAT_ACK; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return Parameter.encodedLength(parameters); }
    @Override public void writeValue(ByteBuffer out) { Parameter.encodeAll(parameters, out); }
}
