package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 byte-stream format (ITU-T H.264 Annex B): NAL units separated by {@code 00 00 01} or {@code 00 00 00 01}
 * start codes.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /**
     * The NAL units of a byte stream, as views over {@code stream}, without start codes. Bytes before the first start
     * code are ignored; trailing zero bytes of a NAL unit (trailing_zero_8bits) are dropped.
     */
    public static List<ByteBuffer> split(ByteBuffer stream) {
        List<ByteBuffer> out = new ArrayList<>();
        int end = stream.limit();
        int i = stream.position();
        int nalStart = -1;
        while (i + 2 < end) {
            if (stream.get(i) == 0 && stream.get(i + 1) == 0 && stream.get(i + 2) == 1) {
                if (nalStart >= 0) {
                    add(stream, nalStart, i, out);
                }
                i += 3;
                nalStart = i;
            } else {
                i++;
            }
        }
        if (nalStart >= 0) {
            add(stream, nalStart, end, out);
        }
        return out;
    }

    private static void add(ByteBuffer s, int from, int to, List<ByteBuffer> out) {
        while (to > from && s.get(to - 1) == 0) { // the zero before a 4-byte start code, or trailing zeros
            to--;
        }
        if (to > from) {
            ByteBuffer d = s.duplicate();
            d.limit(to).position(from);
            out.add(d.slice());
        }
    }

    /** Joins NAL units with 4-byte start codes. */
    public static byte[] join(List<ByteBuffer> nalUnits) {
        int n = 0;
        for (ByteBuffer b : nalUnits) {
            n += 4 + b.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (ByteBuffer b : nalUnits) {
            out.put(START_CODE).put(b.duplicate());
        }
        return out.array();
    }
}
