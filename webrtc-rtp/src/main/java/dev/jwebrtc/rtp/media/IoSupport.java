package dev.jwebrtc.rtp.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Small I/O helpers shared by the container readers (not API). */
final class IoSupport {
    private IoSupport() {
    }

    /** Reads exactly {@code n} bytes; returns fewer only at end of stream. */
    static int readFully(InputStream in, byte[] b, int off, int n) {
        int done = 0;
        try {
            while (done < n) {
                int r = in.read(b, off + done, n - done);
                if (r < 0) {
                    break;
                }
                done += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done;
    }

    static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static long le64(byte[] b, int at) {
        return le32(b, at) | le32(b, at + 4) << 32;
    }

    static void putLe16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static void putLe32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putLe64(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
