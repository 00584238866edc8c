package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;

/** Unsigned LEB128 as AV1 uses it (AV1 specification §4.10.5): at most 8 bytes, value below 2^32. */
final class Leb128 {
    private Leb128() {
    }

    static int size(long v) {
        int n = 1;
        while (v >= 0x80) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static void write(ByteBuffer out, long v) {
        while (v >= 0x80) {
            out.put((byte) (0x80 | (v & 0x7F)));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    /** Reads at {@code at}; returns {@code value << 8 | byteCount}, or -1 when truncated or over 2^32-1. */
    static long read(ByteBuffer b, int at, int end) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            if (at + i >= end) {
                return -1;
            }
            int x = b.get(at + i) & 0xFF;
            v |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                return v > 0xFFFF_FFFFL ? -1 : v << 8 | (i + 1);
            }
        }
        return -1;
    }
}
