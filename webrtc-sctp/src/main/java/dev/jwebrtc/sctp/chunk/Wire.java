package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** Bounds-checked readers shared by the chunk and parameter decoders (package-private). */
final class Wire {
    private Wire() {}

    static int pad4(int length) {
        return (length + 3) & ~3;
    }

    static void need(ByteBuffer b, int bytes, String what) {
        if (b.remaining() < bytes) {
            throw new MalformedPacketException(what + ": needs " + bytes + " bytes, has " + b.remaining());
        }
    }

    static int u8(ByteBuffer b) {
        return b.get() & 0xFF;
    }

    static int u16(ByteBuffer b) {
        return b.getShort() & 0xFFFF;
    }

    static long u32(ByteBuffer b) {
        return b.getInt() & 0xFFFF_FFFFL;
    }

    static byte[] rest(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Slices the next {@code length} bytes and skips them plus padding (padding may be absent at the end). */
    static ByteBuffer take(ByteBuffer b, int length, String what) {
        need(b, length, what);
        ByteBuffer slice = b.slice();
        slice.limit(length);
        b.position(b.position() + Math.min(b.remaining(), pad4(length)));
        return slice;
    }

    static void zeros(ByteBuffer out, int count) {
        for (int i = 0; i < count; i++) {
            out.put((byte) 0);
        }
    }
}
