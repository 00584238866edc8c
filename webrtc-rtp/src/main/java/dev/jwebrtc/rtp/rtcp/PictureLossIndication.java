package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Picture Loss Indication, PSFB FMT=1 (RFC 4585 §6.3.1): asks the media sender for a keyframe. No FCI.
 *
 * @param senderSsrc the packet sender
 * @param mediaSsrc the media source whose picture was lost
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
    /** RFC 4585 §6.3: FMT of PLI. */
    public static final int FMT = 1;

    public PictureLossIndication {
        Rtcp.checkU32("sender ssrc", senderSsrc);
        Rtcp.checkU32("media ssrc", mediaSsrc);
    }

    static @Nullable PictureLossIndication parse(ByteBuffer b, int at, int length) {
        if (length < 8) {
            return null;
        }
        return new PictureLossIndication(Rtcp.u32(b, at), Rtcp.u32(b, at + 4));
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 12;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, FMT, PSFB, 12);
        out.putInt((int) senderSsrc);
        out.putInt((int) mediaSsrc);
    }
}
