package dev.jwebrtc.rtp.media;

import dev.jwebrtc.rtp.codec.OpusCodec;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Ogg Opus files (RFC 7845): an OpusHead page (beginning of stream), OpusTags page(s), then audio pages
 * holding up to {@value #PACKETS_PER_PAGE} packets each; granule positions count 48 kHz samples including the
 * pre-skip (RFC 7845 §4); the last page carries the end-of-stream flag. Blocking, one thread; {@link #close()}
 * flushes but does not close the stream.
 */
public final class OggOpusWriter implements AutoCloseable {
    static final int PACKETS_PER_PAGE = 50;

    private final OggPageWriter pages;
    private final List<byte[]> pending = new ArrayList<>();
    private final List<Long> pendingGranules = new ArrayList<>();
    private long granule;
    private long packets;
    private boolean closed;

    /**
     * Writes the header pages.
     *
     * @param serial the logical stream serial number (RFC 3533 §6: random per stream)
     */
    public OggOpusWriter(OutputStream out, OpusHead head, OpusTags tags, int serial) {
        this.pages = new OggPageWriter(out, serial);
        // RFC 7845 §3: OpusHead alone on the first page, OpusTags starting on the second; both granule 0
        pages.writePages(List.of(head.encode()), List.of(0L), true, false);
        pages.writePages(List.of(tags.encode()), List.of(0L), false, false);
        this.granule = head.preSkip();
    }

    /** Appends an Opus packet; its duration comes from its TOC byte (RFC 6716 §3.1). */
    public void write(ByteBuffer opusPacket) {
        int samples = OpusCodec.sampleCount(opusPacket);
        if (samples < 0) {
            throw new IllegalArgumentException("Opus packet without a valid TOC: cannot tell its duration");
        }
        write(opusPacket, samples);
    }

    /** Appends an Opus packet lasting {@code samples48k} samples at 48 kHz. */
    public void write(ByteBuffer opusPacket, int samples48k) {
        if (closed) {
            throw new IllegalStateException("Ogg writer is closed");
        }
        if (!opusPacket.hasRemaining() || samples48k < 0) {
            throw new IllegalArgumentException("empty Opus packet or negative duration");
        }
        byte[] b = new byte[opusPacket.remaining()];
        opusPacket.duplicate().get(b);
        granule += samples48k;
        pending.add(b);
        pendingGranules.add(granule);
        packets++;
        if (pending.size() >= PACKETS_PER_PAGE) {
            flushPage(false);
        }
    }

    /** Packets written so far. */
    public long packetCount() {
        return packets;
    }

    /** The granule position after the last packet (pre-skip included). */
    public long granulePosition() {
        return granule;
    }

    private void flushPage(boolean eos) {
        if (pending.isEmpty() && !eos) {
            return;
        }
        pages.writePages(List.copyOf(pending), List.copyOf(pendingGranules), false, eos, granule);
        pending.clear();
        pendingGranules.clear();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        flushPage(true);
        pages.flush();
    }
}
