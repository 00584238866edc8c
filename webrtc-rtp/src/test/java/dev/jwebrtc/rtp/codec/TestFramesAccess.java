package dev.jwebrtc.rtp.codec;

import java.util.Random;

/** Test helper: the synthetic frames of {@code TestFrames} for tests in other packages. */
public final class TestFramesAccess {
    private TestFramesAccess() {
    }

    public static byte[] vp8(Random rnd, int size, boolean key) {
        return TestFrames.vp8(rnd, size, key);
    }
}
