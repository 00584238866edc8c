package dev.jwebrtc.rtp.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ogg Opus comment header (RFC 7845 §5.2): vendor string and {@code NAME=value} comments, UTF-8.
 *
 * @param vendor the vendor string
 * @param comments user comments
 */
public record OpusTags(String vendor, List<String> comments) {
    private static final byte[] MAGIC = "OpusTags".getBytes(StandardCharsets.US_ASCII);

    public OpusTags {
        comments = List.copyOf(comments);
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        writeString(out, vendor);
        byte[] n = new byte[4];
        IoSupport.putLe32(n, 0, comments.size());
        out.writeBytes(n);
        comments.forEach(c -> writeString(out, c));
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] n = new byte[4];
        IoSupport.putLe32(n, 0, b.length);
        out.writeBytes(n);
        out.writeBytes(b);
    }

    static OpusTags decode(byte[] p) {
        if (p.length < 16 || !java.util.Arrays.equals(p, 0, 8, MAGIC, 0, 8)) {
            throw new MediaFormatException("second Ogg packet is not OpusTags (RFC 7845 §5.2)");
        }
        int[] at = {8};
        String vendor = readString(p, at);
        if (at[0] + 4 > p.length) {
            throw new MediaFormatException("OpusTags comment count truncated");
        }
        long count = IoSupport.le32(p, at[0]);
        at[0] += 4;
        List<String> comments = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            comments.add(readString(p, at));
        }
        return new OpusTags(vendor, comments);
    }

    private static String readString(byte[] p, int[] at) {
        if (at[0] + 4 > p.length) {
            throw new MediaFormatException("OpusTags string length truncated at " + at[0]);
        }
        long len = IoSupport.le32(p, at[0]);
        if (len > p.length - at[0] - 4) {
            throw new MediaFormatException("OpusTags string at " + at[0] + " runs past the packet");
        }
        String s = new String(p, at[0] + 4, (int) len, StandardCharsets.UTF_8);
        at[0] += 4 + (int) len;
        return s;
    }
}
