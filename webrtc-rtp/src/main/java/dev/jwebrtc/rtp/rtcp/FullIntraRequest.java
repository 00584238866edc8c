package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Full Intra Request, PSFB FMT=4 (RFC 5104 §4.3.1). The media source field is unused (zero) and the targets are in
 * the FCI entries.
 *
 * @param senderSsrc the packet sender
 * @param mediaSsrc the common-header media source (RFC 5104 §4.3.1.2: SHALL be 0)
 * @param entries at least one entry
 */
public record FullIntraRequest(long senderSsrc, long mediaSsrc, List<FirEntry> entries) implements RtcpPacket {
    /** RFC 5104 §4.3.1.1: FMT of FIR. */
    public static final int FMT = 4;

    public FullIntraRequest {
        Rtcp.checkU32("sender ssrc", senderSsrc);
        Rtcp.checkU32("media ssrc", mediaSsrc);
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a FIR needs at least one FCI entry (RFC 5104 §4.3.1.1)");
        }
    }

    /** A FIR with a zero media source field, as RFC 5104 requires. */
    public FullIntraRequest(long senderSsrc, List<FirEntry> entries) {
        this(senderSsrc, 0, entries);
    }

    static @Nullable FullIntraRequest parse(ByteBuffer b, int at, int length) {
        if (length < 16) {
            return null;
        }
        List<FirEntry> entries = new ArrayList<>();
        for (int pos = at + 8; pos + 8 <= at + length; pos += 8) {
            entries.add(new FirEntry(Rtcp.u32(b, pos), Rtcp.u8(b, pos + 4)));
        }
        return new FullIntraRequest(Rtcp.u32(b, at), Rtcp.u32(b, at + 4), entries);
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 12 + 8 * entries.size();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, FMT, PSFB, encodedLength());
        out.putInt((int) senderSsrc);
        out.putInt((int) mediaSsrc);
        for (FirEntry e : entries) {
            out.putInt((int) e.ssrc());
            out.put((byte) e.sequenceNumber());
            Rtcp.put24(out, 0);
        }
    }
}
