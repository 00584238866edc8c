package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;

/** MSB-first bit reader over a buffer region; reading past the end sets {@link #overrun()} and returns zeros. */
final class BitReader {
    private final ByteBuffer buf;
    private final int end;
    private long bitPos;
    private boolean overrun;

    BitReader(ByteBuffer buf, int from, int end) {
        this.buf = buf;
        this.end = end;
        this.bitPos = (long) from * 8;
    }

    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int byteIndex = (int) (bitPos >>> 3);
            int bit = 0;
            if (byteIndex < end) {
                bit = (buf.get(byteIndex) >>> (7 - (int) (bitPos & 7))) & 1;
            } else {
                overrun = true;
            }
            v = v << 1 | bit;
            bitPos++;
        }
        return v;
    }

    boolean flag() {
        return bits(1) == 1;
    }

    /** Exp-Golomb ue(v) (H.264 §9.1); -1 on overrun or a code longer than 31 bits. */
    int ue() {
        int zeros = 0;
        while (bits(1) == 0) {
            if (overrun || ++zeros > 31) {
                return -1;
            }
        }
        return zeros == 0 ? 0 : (1 << zeros) - 1 + bits(zeros);
    }

    boolean overrun() {
        return overrun;
    }
}
