package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receiver report, PT=201 (RFC 3550 §6.4.2). An empty one starts a compound packet when there is nothing to report.
 *
 * @param ssrc the reporter
 * @param reports up to 31 reception report blocks
 * @param profileExtensions profile-specific extension bytes (usually empty), a multiple of 4 bytes
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports, ByteBuffer profileExtensions)
        implements RtcpPacket {

    public ReceiverReport {
        Rtcp.checkU32("ssrc", ssrc);
        reports = List.copyOf(reports);
        Rtcp.checkRange("report block count", reports.size(), 0, 31);
        if (profileExtensions.remaining() % 4 != 0) {
            throw new IllegalArgumentException("RR profile extensions must be a multiple of 4 bytes");
        }
    }

    /** A receiver report without profile extensions. */
    public ReceiverReport(long ssrc, List<ReportBlock> reports) {
        this(ssrc, reports, ByteBuffer.allocate(0));
    }

    static @Nullable ReceiverReport parse(ByteBuffer b, int at, int count, int length) {
        int used = 4 + ReportBlock.LENGTH * count;
        if (length < used) {
            return null;
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(b, at + 4 + ReportBlock.LENGTH * i));
        }
        return new ReceiverReport(Rtcp.u32(b, at), blocks, Rtcp.slice(b, at + used, (length - used) & ~3));
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int encodedLength() {
        return 8 + ReportBlock.LENGTH * reports.size() + profileExtensions.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, reports.size(), RR, encodedLength());
        out.putInt((int) ssrc);
        for (ReportBlock r : reports) {
            r.writeTo(out);
        }
        out.put(profileExtensions.duplicate());
    }
}
