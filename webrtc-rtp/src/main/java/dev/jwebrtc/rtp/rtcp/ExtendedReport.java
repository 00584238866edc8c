package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Extended report, PT=207 (RFC 3611 §2): a sender SSRC and report blocks. Receiver reference time (BT=4) and DLRR
 * (BT=5) are typed; other blocks are kept as bytes.
 *
 * @param ssrc the originator
 * @param blocks the report blocks
 */
public record ExtendedReport(long ssrc, List<XrBlock> blocks) implements RtcpPacket {
    public ExtendedReport {
        Rtcp.checkU32("ssrc", ssrc);
        blocks = List.copyOf(blocks);
    }

    static @Nullable ExtendedReport parse(ByteBuffer b, int at, int length) {
        if (length < 4) {
            return null;
        }
        List<XrBlock> blocks = XrBlock.parseAll(b, at + 4, at + length);
        return blocks == null ? null : new ExtendedReport(Rtcp.u32(b, at), blocks);
    }

    @Override
    public int packetType() {
        return XR;
    }

    @Override
    public int encodedLength() {
        int n = 8;
        for (XrBlock x : blocks) {
            n += x.encodedLength();
        }
        return n;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, 0, XR, encodedLength());
        out.putInt((int) ssrc);
        for (XrBlock x : blocks) {
            x.writeTo(out);
        }
    }
}
