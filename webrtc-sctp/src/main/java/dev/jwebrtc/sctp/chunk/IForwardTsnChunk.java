package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** I-FORWARD-TSN (RFC 8260 §2.3.1): FORWARD TSN for I-DATA, naming message identifiers per stream. */
public record IForwardTsnChunk(long newCumulativeTsn, List<Skip> skips) implements Chunk {

    /** A stream, whether the skipped message was unordered, and the largest skipped message identifier. */
    public record Skip(int streamId, boolean unordered, long messageId) {}

    public IForwardTsnChunk {
        skips = List.copyOf(skips);
    }

    static IForwardTsnChunk decode(ByteBuffer value) {
        Wire.need(value, 4, "I-FORWARD-TSN");
        long cum = Wire.u32(value);
        List<Skip> list = new ArrayList<>();
        while (value.remaining() >= 8) {
            int stream = Wire.u16(value);
            int flags = Wire.u16(value);
            list.add(new Skip(stream, (flags & 1) != 0, Wire.u32(value)));
        }
        return new IForwardTsnChunk(cum, list);
    }

    @Override public int type() { return I_FORWARD_TSN; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 4 + 8 * skips.size(); }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) newCumulativeTsn);
        for (Skip s : skips) {
            out.putShort((short) s.streamId()).putShort((short) (s.unordered() ? 1 : 0)).putInt((int) s.messageId());
        }
    }
}
