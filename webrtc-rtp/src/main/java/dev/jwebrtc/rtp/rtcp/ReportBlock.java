package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;

/**
 * A reception report block (RFC 3550 §6.4.1), carried by SR and RR packets.
 *
 * @param ssrc the source this block reports on
 * @param fractionLost lost fraction since the previous report, 0..255 in 1/256 units
 * @param cumulativeLost packets lost since the start, signed 24-bit (duplicates can make it negative)
 * @param extendedHighestSequence cycles in the high 16 bits, highest sequence number in the low 16
 * @param jitter interarrival jitter in RTP timestamp units
 * @param lastSenderReport LSR: the middle 32 bits of the last SR's NTP timestamp, 0 if none
 * @param delaySinceLastSenderReport DLSR in 1/65536 s
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence, long jitter,
        long lastSenderReport, long delaySinceLastSenderReport) {

    static final int LENGTH = 24;

    public ReportBlock {
        Rtcp.checkU32("ssrc", ssrc);
        Rtcp.checkRange("fraction lost", fractionLost, 0, 255);
        Rtcp.checkRange("cumulative lost", cumulativeLost, -0x800000, 0x7FFFFF);
        Rtcp.checkU32("extended highest sequence", extendedHighestSequence);
        Rtcp.checkU32("jitter", jitter);
        Rtcp.checkU32("LSR", lastSenderReport);
        Rtcp.checkU32("DLSR", delaySinceLastSenderReport);
    }

    static ReportBlock parse(ByteBuffer b, int at) {
        int lost = Rtcp.u24(b, at + 5);
        return new ReportBlock(Rtcp.u32(b, at), Rtcp.u8(b, at + 4), (lost << 8) >> 8, Rtcp.u32(b, at + 8),
                Rtcp.u32(b, at + 12), Rtcp.u32(b, at + 16), Rtcp.u32(b, at + 20));
    }

    void writeTo(ByteBuffer out) {
        out.putInt((int) ssrc);
        out.put((byte) fractionLost);
        Rtcp.put24(out, cumulativeLost & 0xFFFFFF);
        out.putInt((int) extendedHighestSequence);
        out.putInt((int) jitter);
        out.putInt((int) lastSenderReport);
        out.putInt((int) delaySinceLastSenderReport);
    }
}
