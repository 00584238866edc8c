package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** INIT ACK (RFC 9260 §3.3.3): answers INIT and carries the State Cookie. */
public record InitAckChunk(long initiateTag, long advertisedReceiverWindow, int outboundStreams, int inboundStreams,
        long initialTsn, List<Parameter> parameters) implements Chunk {
    public InitAckChunk {
        parameters = List.copyOf(parameters);
    }

    static InitAckChunk decode(ByteBuffer value) {
        Wire.need(value, 16, "INIT ACK");
        return new InitAckChunk(Wire.u32(value), Wire.u32(value), Wire.u16(value), Wire.u16(value), Wire.u32(value),
                Parameter.decodeAll(value));
    }

    @Override public int type() { return INIT_ACK; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 16 + Parameter.encodedLength(parameters); }

    @Override
    public void writeValue(ByteBuffer out) {
        InitChunk.writeCommon(out, initiateTag, advertisedReceiverWindow, outboundStreams, inboundStreams, initialTsn,
                parameters);
    }
}
