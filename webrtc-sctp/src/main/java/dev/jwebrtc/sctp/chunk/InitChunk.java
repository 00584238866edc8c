package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** INIT (RFC 9260 §3.3.2): starts an association. */
public record InitChunk(long initiateTag, long advertisedReceiverWindow, int outboundStreams, int inboundStreams,
        long initialTsn, List<Parameter> parameters) implements Chunk {
    public InitChunk {
        parameters = List.copyOf(parameters);
    }

    static InitChunk decode(ByteBuffer value) {
        Wire.need(value, 16, "INIT");
        return new InitChunk(Wire.u32(value), Wire.u32(value), Wire.u16(value), Wire.u16(value), Wire.u32(value),
                Parameter.decodeAll(value));
    }

    static void writeCommon(ByteBuffer out, long tag, long arwnd, int os, int mis, long tsn, List<Parameter> params) {
        out.putInt((int) tag).putInt((int) arwnd).putShort((short) os).putShort((short) mis).putInt((int) tsn);
        Parameter.encodeAll(params, out);
    }

    @Override public int type() { return INIT; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 16 + Parameter.encodedLength(parameters); }

    @Override
    public void writeValue(ByteBuffer out) {
        writeCommon(out, initiateTag, advertisedReceiverWindow, outboundStreams, inboundStreams, initialTsn, parameters);
    }
}
