package dev.jwebrtc.engine;

import java.util.SplittableRandom;

/** Synthetic encoded frames that the payload formats recognise. */
public final class TestFrames {

    private TestFrames() {
    }

    /** A VP8 frame with a valid frame tag (RFC 6386 §9.1): key frames carry the start code and dimensions. */
    public static byte[] vp8(SplittableRandom random, boolean key, int size) {
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
            f[6] = (byte) 0x40; // width 320
            f[7] = 0x01;
            f[8] = (byte) 0xf0; // height 240
            f[9] = 0x00;
        }
        return f;
    }
}
