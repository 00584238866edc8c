package dev.jwebrtc.testkit;

import java.util.random.RandomGenerator;

/**
 * Encoded frames for media tests without an encoder: random bytes behind a header that payload formats and
 * depacketizers recognise, so frame boundaries and keyframes are detected as with real media (not decodable).
 */
public final class SyntheticFrames {

    private SyntheticFrames() {
    }

    /**
     * A VP8 frame of {@code size} bytes (at least 10) with a valid frame tag (RFC 6386 §9.1): a keyframe carries the
     * start code and 320 x 240; an inter frame has the P bit set.
     */
    public static byte[] vp8(RandomGenerator random, boolean key, int size) {
        if (size < 10) {
            throw new IllegalArgumentException("a VP8 frame here needs at least 10 bytes, got " + size);
        }
        byte[] f = new byte[size];
        random.nextBytes(f);
        int partition = Math.min(size - 10, 1000);
        int tag = (key ? 0 : 1) | (1 << 4) | (partition << 5);
        f[0] = (byte) tag;
        f[1] = (byte) (tag >>> 8);
        f[2] = (byte) (tag >>> 16);
        if (key) {
            f[3] = (byte) 0x9d;
            f[4] = 0x01;
            f[5] = 0x2a;
            f[6] = (byte) 0x40; // width 320 (little endian)
            f[7] = 0x01;
            f[8] = (byte) 0xf0; // height 240
            f[9] = 0x00;
        }
        return f;
    }
}
