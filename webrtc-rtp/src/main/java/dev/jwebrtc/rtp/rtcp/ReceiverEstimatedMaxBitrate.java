package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03 §2.2): an application-layer feedback message,
 * PSFB FMT=15 with the identifier "REMB", a bitrate as an 18-bit mantissa and 6-bit exponent, and the SSRCs it
 * applies to.
 *
 * @param senderSsrc the packet sender
 * @param bitrate bits per second; encoding keeps the 18 most significant bits
 * @param ssrcs the media sources the estimate covers (up to 255)
 */
public record ReceiverEstimatedMaxBitrate(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {
    /** RFC 4585 §6.4: FMT of application-layer feedback. */
    public static final int FMT = 15;
    private static final int IDENTIFIER = 0x52454D42; // "REMB"

    public ReceiverEstimatedMaxBitrate {
        Rtcp.checkU32("sender ssrc", senderSsrc);
        Rtcp.checkRange("REMB bitrate", bitrate, 0, Long.MAX_VALUE);
        ssrcs = List.copyOf(ssrcs);
        Rtcp.checkRange("REMB ssrc count", ssrcs.size(), 0, 255);
        for (long s : ssrcs) {
            Rtcp.checkU32("ssrc", s);
        }
    }

    static boolean isRemb(ByteBuffer b, int at, int length) {
        return length >= 16 && b.getInt(at + 8) == IDENTIFIER;
    }

    static @Nullable ReceiverEstimatedMaxBitrate parse(ByteBuffer b, int at, int length) {
        if (length < 16) {
            return null;
        }
        int n = Rtcp.u8(b, at + 12);
        if (length < 16 + 4 * n) {
            return null;
        }
        int exp = Rtcp.u8(b, at + 13) >>> 2;
        long mantissa = Rtcp.u24(b, at + 13) & 0x3FFFF;
        // 18 + 45 bits fill a positive long; larger exponents are capped rather than overflowing
        long bitrate = mantissa == 0 ? 0 : exp > 45 ? Long.MAX_VALUE : mantissa << exp;
        List<Long> ssrcs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ssrcs.add(Rtcp.u32(b, at + 16 + 4 * i));
        }
        return new ReceiverEstimatedMaxBitrate(Rtcp.u32(b, at), bitrate, ssrcs);
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 20 + 4 * ssrcs.size();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, FMT, PSFB, encodedLength());
        out.putInt((int) senderSsrc);
        out.putInt(0); // media source unused (draft-alvestrand-rmcat-remb §2.2)
        out.putInt(IDENTIFIER);
        int exp = 0;
        long mantissa = bitrate;
        while (mantissa > 0x3FFFF) { // smallest exponent whose mantissa fits 18 bits
            mantissa >>>= 1;
            exp++;
        }
        out.put((byte) ssrcs.size());
        Rtcp.put24(out, exp << 18 | (int) mantissa);
        for (long s : ssrcs) {
            out.putInt((int) s);
        }
    }
}
