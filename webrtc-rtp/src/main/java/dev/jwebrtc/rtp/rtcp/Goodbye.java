package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Goodbye, PT=203 (RFC 3550 §6.6): sources leaving, with an optional reason.
 *
 * @param ssrcs up to 31 sources
 * @param reason the reason text (at most 255 UTF-8 bytes), or null when absent
 */
public record Goodbye(List<Long> ssrcs, @Nullable String reason) implements RtcpPacket {
    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        Rtcp.checkRange("BYE source count", ssrcs.size(), 0, 31);
        for (long s : ssrcs) {
            Rtcp.checkU32("ssrc", s);
        }
        if (reason != null) {
            Rtcp.checkRange("BYE reason length", reason.getBytes(StandardCharsets.UTF_8).length, 0, 255);
        }
    }

    static @Nullable Goodbye parse(ByteBuffer b, int at, int count, int length) {
        if (length < 4 * count) {
            return null;
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Rtcp.u32(b, at + 4 * i));
        }
        String reason = null;
        int pos = at + 4 * count;
        if (length > 4 * count) {
            int len = Rtcp.u8(b, pos);
            if (4 * count + 1 + len > length) {
                return null;
            }
            byte[] text = new byte[len];
            b.duplicate().position(pos + 1).get(text);
            reason = new String(text, StandardCharsets.UTF_8);
        }
        return new Goodbye(ssrcs, reason);
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int encodedLength() {
        int n = 4 + 4 * ssrcs.size();
        if (reason != null) {
            n += Rtcp.pad4(1 + reason.getBytes(StandardCharsets.UTF_8).length);
        }
        return n;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        int end = out.position() + encodedLength();
        Rtcp.header(out, false, ssrcs.size(), BYE, encodedLength());
        for (long s : ssrcs) {
            out.putInt((int) s);
        }
        if (reason != null) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            out.put((byte) text.length);
            out.put(text);
            while (out.position() < end) {
                out.put((byte) 0);
            }
        }
    }
}
