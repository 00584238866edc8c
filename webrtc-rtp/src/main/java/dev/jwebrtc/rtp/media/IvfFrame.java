package dev.jwebrtc.rtp.media;

import java.nio.ByteBuffer;

/**
 * One IVF frame: a 12-byte header (size, 64-bit timestamp in time base units, little-endian) and the frame bytes.
 *
 * @param timestamp presentation timestamp in the file's time base
 * @param data the frame (read-only)
 */
public record IvfFrame(long timestamp, ByteBuffer data) {

    /** The frame bytes, as a new view (its position and limit are the caller's to move). */
    public java.nio.ByteBuffer data() {
        return data.duplicate();
    }
    /** A frame wrapping a new array. */
    public static IvfFrame of(long timestamp, byte[] data) {
        return new IvfFrame(timestamp, ByteBuffer.wrap(data).asReadOnlyBuffer());
    }

    /** The frame bytes as a new array. */
    public byte[] bytes() {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return b;
    }
}
