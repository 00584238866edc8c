package dev.jwebrtc.rtp.media;

import java.io.InputStream;
import java.util.Optional;

/**
 * Reads IVF files (VP8, VP9, AV1 elementary streams). Blocking, on the caller's thread; the caller closes the
 * stream. Malformed content throws {@link MediaFormatException}; I/O errors throw
 * {@link java.io.UncheckedIOException}.
 */
public final class IvfReader {
    /** Frames larger than this are treated as corruption rather than allocated. */
    static final int MAX_FRAME = 64 << 20;

    private final InputStream in;
    private final IvfHeader header;
    private long offset;

    /** Reads and checks the file header. */
    public IvfReader(InputStream in) {
        this.in = in;
        byte[] h = new byte[IvfHeader.LENGTH];
        if (IoSupport.readFully(in, h, 0, h.length) < h.length) {
            throw new MediaFormatException("IVF file shorter than its 32-byte header");
        }
        this.header = IvfHeader.decode(h);
        int extra = IoSupport.le16(h, 6) - IvfHeader.LENGTH;
        if (extra > 0 && IoSupport.readFully(in, new byte[extra], 0, extra) < extra) {
            throw new MediaFormatException("IVF header truncated");
        }
        this.offset = IvfHeader.LENGTH + extra;
    }

    /** The file header. */
    public IvfHeader header() {
        return header;
    }

    /** The next frame; empty at a clean end of file. */
    public Optional<IvfFrame> next() {
        byte[] fh = new byte[12];
        int n = IoSupport.readFully(in, fh, 0, 12);
        if (n == 0) {
            return Optional.empty();
        }
        if (n < 12) {
            throw new MediaFormatException("IVF frame header truncated at offset " + offset);
        }
        long size = IoSupport.le32(fh, 0);
        if (size > MAX_FRAME) {
            throw new MediaFormatException("IVF frame of " + size + " bytes at offset " + offset + " is implausible");
        }
        byte[] data = new byte[(int) size];
        if (IoSupport.readFully(in, data, 0, data.length) < data.length) {
            throw new MediaFormatException("IVF frame at offset " + offset + " truncated (" + size + " bytes declared)");
        }
        long ts = IoSupport.le64(fh, 4);
        offset += 12 + size;
        return Optional.of(IvfFrame.of(ts, data));
    }
}
