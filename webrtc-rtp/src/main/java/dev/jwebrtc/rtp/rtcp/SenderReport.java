package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sender report, PT=200 (RFC 3550 §6.4.1).
 *
 * @param ssrc the sender
 * @param ntpTimestamp 64-bit NTP time of this report (seconds since 1900 in the high 32 bits, fraction low)
 * @param rtpTimestamp the same instant in the stream's RTP clock
 * @param packetCount packets sent since the start, mod 2^32
 * @param octetCount payload octets sent since the start, mod 2^32
 * @param reports up to 31 reception report blocks
 * @param profileExtensions profile-specific extension bytes (usually empty), a multiple of 4 bytes
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports, ByteBuffer profileExtensions) implements RtcpPacket {

    public SenderReport {
        Rtcp.checkU32("ssrc", ssrc);
        Rtcp.checkU32("RTP timestamp", rtpTimestamp);
        Rtcp.checkU32("packet count", packetCount);
        Rtcp.checkU32("octet count", octetCount);
        reports = List.copyOf(reports);
        Rtcp.checkRange("report block count", reports.size(), 0, 31);
        if (profileExtensions.remaining() % 4 != 0) {
            throw new IllegalArgumentException("SR profile extensions must be a multiple of 4 bytes");
        }
    }

    /** A sender report without profile extensions. */
    public SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
            List<ReportBlock> reports) {
        this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, ByteBuffer.allocate(0));
    }

    /** The middle 32 bits of the NTP timestamp, the value receivers echo as LSR (RFC 3550 §6.4.1). */
    public long compactNtp() {
        return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
    }

    static @Nullable SenderReport parse(ByteBuffer b, int at, int count, int length) {
        if (length < 24 + ReportBlock.LENGTH * count) {
            return null;
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(b, at + 24 + ReportBlock.LENGTH * i));
        }
        int used = 24 + ReportBlock.LENGTH * count;
        return new SenderReport(Rtcp.u32(b, at), b.getLong(at + 4), Rtcp.u32(b, at + 12), Rtcp.u32(b, at + 16),
                Rtcp.u32(b, at + 20), blocks, Rtcp.slice(b, at + used, (length - used) & ~3));
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int encodedLength() {
        return 4 + 24 + ReportBlock.LENGTH * reports.size() + profileExtensions.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, reports.size(), SR, encodedLength());
        out.putInt((int) ssrc);
        out.putLong(ntpTimestamp);
        out.putInt((int) rtpTimestamp);
        out.putInt((int) packetCount);
        out.putInt((int) octetCount);
        for (ReportBlock r : reports) {
            r.writeTo(out);
        }
        out.put(profileExtensions.duplicate());
    }
}
