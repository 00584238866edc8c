package dev.jwebrtc.rtp.media;

import dev.jwebrtc.rtp.codec.AnnexB;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes an H.264 Annex B byte stream ({@code .h264}): each NAL unit preceded by a 4-byte start code. Blocking, one
 * thread; {@link #close()} flushes but does not close the stream.
 */
public final class AnnexBWriter implements AutoCloseable {
    private final OutputStream out;
    private long nalUnits;

    public AnnexBWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one NAL unit (header byte first, no start code). */
    public void writeNalUnit(ByteBuffer nal) {
        if (!nal.hasRemaining()) {
            throw new IllegalArgumentException("empty NAL unit");
        }
        write(AnnexB.join(List.of(nal)));
        nalUnits++;
    }

    /**
     * Writes an access unit given in Annex B form (as {@link dev.jwebrtc.rtp.codec.H264Codec} depacketizes),
     * normalising start codes to 4 bytes.
     */
    public void writeAccessUnit(ByteBuffer annexB) {
        List<ByteBuffer> nals = AnnexB.split(annexB);
        if (nals.isEmpty()) {
            throw new IllegalArgumentException("no NAL units in the access unit (expected start codes)");
        }
        write(AnnexB.join(nals));
        nalUnits += nals.size();
    }

    /** NAL units written so far. */
    public long nalUnitCount() {
        return nalUnits;
    }

    private void write(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
