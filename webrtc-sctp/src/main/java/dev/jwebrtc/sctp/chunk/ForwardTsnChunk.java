package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * FORWARD TSN (RFC 3758 §3.2): moves the receiver's cumulative TSN past abandoned data and, for ordered
 * streams, names the largest skipped SSN per stream.
 */
public record ForwardTsnChunk(long newCumulativeTsn, List<StreamSsn> streams) implements Chunk {

    /** A stream and the largest SSN skipped on it. */
    public record StreamSsn(int streamId, int ssn) {}

    public ForwardTsnChunk {
        streams = List.copyOf(streams);
    }

    static ForwardTsnChunk decode(ByteBuffer value) {
        Wire.need(value, 4, "FORWARD TSN");
        long cum = Wire.u32(value);
        List<StreamSsn> list = new ArrayList<>();
        while (value.remaining() >= 4) {
            list.add(new StreamSsn(Wire.u16(value), Wire.u16(value)));
        }
        return new ForwardTsnChunk(cum, list);
    }

    @Override public int type() { return FORWARD_TSN; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 4 + 4 * streams.size(); }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) newCumulativeTsn);
        for (StreamSsn s : streams) {
            out.putShort((short) s.streamId()).putShort((short) s.ssn());
        }
    }
}
