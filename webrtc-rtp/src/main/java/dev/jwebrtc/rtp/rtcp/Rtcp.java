package dev.jwebrtc.rtp.rtcp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/** Wire helpers shared by the RTCP packet types (not API). */
final class Rtcp {
    private Rtcp() {
    }

    /** RFC 3550 §6.4.1: V=2, P, count/FMT (5 bits), PT, length in 32-bit words minus one. */
    static void header(ByteBuffer out, boolean padding, int count, int packetType, int totalLength) {
        if (out.remaining() < totalLength) {
            throw new BufferOverflowException();
        }
        out.put((byte) (0x80 | (padding ? 0x20 : 0) | count));
        out.put((byte) packetType);
        out.putShort((short) (totalLength / 4 - 1));
    }

    static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFF_FFFFL;
    }

    static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    static int u24(ByteBuffer b, int at) {
        return u8(b, at) << 16 | u8(b, at + 1) << 8 | u8(b, at + 2);
    }

    static void put24(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16));
        out.put((byte) (v >>> 8));
        out.put((byte) v);
    }

    static ByteBuffer copy(ByteBuffer src) {
        ByteBuffer c = ByteBuffer.allocate(src.remaining());
        c.put(src.duplicate()).flip();
        return c.asReadOnlyBuffer();
    }

    static ByteBuffer slice(ByteBuffer b, int from, int len) {
        ByteBuffer d = b.duplicate();
        d.limit(from + len).position(from);
        return d.slice();
    }

    static void checkU32(String what, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + v + " is not an unsigned 32-bit value");
        }
    }

    static void checkRange(String what, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside " + min + ".." + max);
        }
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
