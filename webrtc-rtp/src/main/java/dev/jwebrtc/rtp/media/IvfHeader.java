package dev.jwebrtc.rtp.media;

import java.nio.charset.StandardCharsets;

/**
 * The 32-byte IVF file header (as written by libvpx): signature {@code DKIF}, version 0, header size 32, codec
 * FourCC, frame size, time base, frame count; all little-endian.
 *
 * @param fourcc {@code VP80}, {@code VP90} or {@code AV01}
 * @param width frame width
 * @param height frame height
 * @param timebaseDenominator time base denominator ("rate")
 * @param timebaseNumerator time base numerator ("scale"); a timestamp unit is numerator/denominator seconds
 * @param frameCount frames in the file (writers patch it on close when they can seek)
 */
public record IvfHeader(String fourcc, int width, int height, long timebaseDenominator, long timebaseNumerator,
        long frameCount) {
    /** FourCC of VP8. */
    public static final String VP8 = "VP80";
    /** FourCC of VP9. */
    public static final String VP9 = "VP90";
    /** FourCC of AV1. */
    public static final String AV1 = "AV01";
    static final int LENGTH = 32;

    public IvfHeader {
        if (fourcc.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(fourcc)) {
            throw new IllegalArgumentException("IVF FourCC \"" + fourcc + "\" is not four ASCII characters");
        }
        if (width < 0 || width > 0xFFFF || height < 0 || height > 0xFFFF) {
            throw new IllegalArgumentException("IVF frame size " + width + "x" + height + " does not fit 16 bits");
        }
        if (timebaseDenominator <= 0 || timebaseDenominator > 0xFFFF_FFFFL || timebaseNumerator <= 0
                || timebaseNumerator > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("IVF time base " + timebaseNumerator + "/" + timebaseDenominator
                    + " must be two positive 32-bit values");
        }
        if (frameCount < 0 || frameCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("IVF frame count " + frameCount + " does not fit 32 bits");
        }
    }

    /** A header for RTP video: time base 1/90000, timestamps are RTP timestamps (unwrapped). */
    public static IvfHeader forRtp(String fourcc, int width, int height) {
        return new IvfHeader(fourcc, width, height, 90_000, 1, 0);
    }

    /** This header with another frame count. */
    public IvfHeader withFrameCount(long count) {
        return new IvfHeader(fourcc, width, height, timebaseDenominator, timebaseNumerator, count);
    }

    byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = 'D';
        b[1] = 'K';
        b[2] = 'I';
        b[3] = 'F';
        IoSupport.putLe16(b, 4, 0);
        IoSupport.putLe16(b, 6, LENGTH);
        System.arraycopy(fourcc.getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
        IoSupport.putLe16(b, 12, width);
        IoSupport.putLe16(b, 14, height);
        IoSupport.putLe32(b, 16, timebaseDenominator);
        IoSupport.putLe32(b, 20, timebaseNumerator);
        IoSupport.putLe32(b, 24, frameCount);
        return b;
    }

    static IvfHeader decode(byte[] b) {
        if (b[0] != 'D' || b[1] != 'K' || b[2] != 'I' || b[3] != 'F') {
            throw new MediaFormatException("not an IVF file: signature is not DKIF");
        }
        if (IoSupport.le16(b, 4) != 0) {
            throw new MediaFormatException("IVF version " + IoSupport.le16(b, 4) + " unsupported (expected 0)");
        }
        if (IoSupport.le16(b, 6) < LENGTH) {
            throw new MediaFormatException("IVF header size " + IoSupport.le16(b, 6) + " below 32");
        }
        long den = IoSupport.le32(b, 16);
        long num = IoSupport.le32(b, 20);
        if (den == 0 || num == 0) {
            throw new MediaFormatException("IVF time base " + num + "/" + den + " has a zero");
        }
        return new IvfHeader(new String(b, 8, 4, StandardCharsets.ISO_8859_1).replaceAll("[^\\x00-\\x7F]", "?"),
                IoSupport.le16(b, 12), IoSupport.le16(b, 14), den, num, IoSupport.le32(b, 24));
    }
}
