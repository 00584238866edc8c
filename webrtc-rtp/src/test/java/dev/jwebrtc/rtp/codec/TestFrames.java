package dev.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Synthetic encoded frames with valid codec framing and random content, for payload format round trips. */
final class TestFrames {
    private TestFrames() {
    }

    static byte[] random(Random rnd, int n, boolean noZeros) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        if (noZeros) {
            for (int i = 0; i < n; i++) {
                if (b[i] == 0) {
                    b[i] = (byte) (1 + rnd.nextInt(255));
                }
            }
        }
        return b;
    }

    /** A VP8 frame whose frame tag says key (P=0) or inter (P=1). */
    static byte[] vp8(Random rnd, int size, boolean key) {
        byte[] b = random(rnd, Math.max(size, 10), false);
        b[0] = (byte) (key ? b[0] & ~1 : b[0] | 1);
        if (key) { // RFC 6386 §9.1: start code after the 3-byte tag
            b[3] = (byte) 0x9d;
            b[4] = 0x01;
            b[5] = 0x2a;
        }
        return b;
    }

    /** A VP9 profile-0 frame: key frames carry sync code, colour config and size; the rest is random. */
    static byte[] vp9(Random rnd, int size, boolean key, int width, int height) {
        BitWriter w = new BitWriter();
        w.bits(2, 2); // frame_marker
        w.bits(0, 2); // profile 0
        w.bits(0, 1); // show_existing_frame
        w.bits(key ? 0 : 1, 1); // frame_type
        w.bits(1, 1); // show_frame
        w.bits(0, 1); // error_resilient_mode
        if (key) {
            w.bits(0x498342, 24);
            w.bits(2, 3); // color_space BT_709
            w.bits(0, 1); // color_range
            w.bits(width - 1, 16);
            w.bits(height - 1, 16);
        }
        byte[] head = w.toByteArray();
        byte[] b = random(rnd, Math.max(size, head.length + 1), false);
        System.arraycopy(head, 0, b, 0, head.length);
        if (key) { // the last header byte shares bits with what follows; keep the header's bits
            b[head.length - 1] = head[head.length - 1];
        }
        return b;
    }

    /** An Annex B access unit: [AUD] [SPS PPS] IDR-or-non-IDR slices, start codes mixed 3/4 bytes. */
    static byte[] h264(Random rnd, int size, boolean key, boolean withParameterSets, boolean withAud) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (withAud) {
            nal(rnd, out, 0x09, 1);
        }
        if (key && withParameterSets) {
            nal(rnd, out, 0x67, 10 + rnd.nextInt(10));
            nal(rnd, out, 0x68, 3 + rnd.nextInt(4));
        }
        int slices = 1 + rnd.nextInt(3);
        for (int i = 0; i < slices; i++) {
            nal(rnd, out, key ? 0x65 : 0x41, Math.max(1, size / slices));
        }
        return out.toByteArray();
    }

    static void nal(Random rnd, ByteArrayOutputStream out, int header, int bodySize) {
        if (rnd.nextBoolean()) {
            out.write(0);
        }
        out.write(0);
        out.write(0);
        out.write(1);
        out.write(header);
        out.writeBytes(random(rnd, bodySize, true));
    }

    /** An AV1 temporal unit: temporal delimiter, [sequence header], frame OBUs (some with extension headers). */
    static byte[] av1(Random rnd, int size, boolean key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x12); // OBU_TEMPORAL_DELIMITER with size field
        out.write(0);
        if (key) {
            obu(out, 0x0A, -1, random(rnd, 8 + rnd.nextInt(8), false));
        }
        int frames = 1 + rnd.nextInt(2);
        for (int i = 0; i < frames; i++) {
            boolean ext = rnd.nextBoolean();
            obu(out, ext ? 0x36 : 0x32, ext ? rnd.nextInt(256) : -1, random(rnd, Math.max(1, size / frames), false));
        }
        return out.toByteArray();
    }

    static void obu(ByteArrayOutputStream out, int header, int ext, byte[] payload) {
        out.write(header);
        if (ext >= 0) {
            out.write(ext);
        }
        int v = payload.length;
        while (v >= 0x80) {
            out.write(0x80 | (v & 0x7F));
            v >>>= 7;
        }
        out.write(v);
        out.writeBytes(payload);
    }

    /** MSB-first bit writer. */
    static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int cur;
        private int n;

        void bits(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                cur = cur << 1 | ((value >>> i) & 1);
                if (++n == 8) {
                    out.write(cur);
                    cur = 0;
                    n = 0;
                }
            }
        }

        byte[] toByteArray() {
            if (n > 0) {
                out.write(cur << (8 - n));
                cur = 0;
                n = 0;
            }
            return out.toByteArray();
        }
    }
}
