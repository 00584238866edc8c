package dev.jwebrtc.rtp.media;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads Ogg Opus files (RFC 7845): checks and exposes the OpusHead and OpusTags headers, then returns audio packets
 * in order. Every page's CRC is verified. Blocking; the caller closes the stream. Malformed content throws
 * {@link MediaFormatException}.
 */
public final class OggOpusReader {
    /**
     * One Opus packet.
     *
     * @param data the packet (read-only)
     * @param granulePosition the page's granule position when this packet is the last completed on its page, else -1
     */
    public record Packet(ByteBuffer data, long granulePosition) {
        /** The packet, as a new view. */
        public ByteBuffer data() {
            return data.duplicate();
        }

        /** The packet bytes as a new array. */
        public byte[] bytes() {
            byte[] b = new byte[data.remaining()];
            data.duplicate().get(b);
            return b;
        }
    }

    private final OggPageReader pages;
    private final OpusHead head;
    private final OpusTags tags;

    /** Reads the two header packets. */
    public OggOpusReader(InputStream in) {
        this.pages = new OggPageReader(in);
        OggPageReader.Packet h = pages.next();
        if (h == null) {
            throw new MediaFormatException("empty Ogg file");
        }
        this.head = OpusHead.decode(h.data());
        OggPageReader.Packet t = pages.next();
        if (t == null) {
            throw new MediaFormatException("Ogg Opus file ends before OpusTags");
        }
        this.tags = OpusTags.decode(t.data());
    }

    /** The identification header. */
    public OpusHead head() {
        return head;
    }

    /** The comment header. */
    public OpusTags tags() {
        return tags;
    }

    /** The next audio packet; empty at the end of the stream. */
    public Optional<Packet> next() {
        OggPageReader.Packet p = pages.next();
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(new Packet(ByteBuffer.wrap(p.data()).asReadOnlyBuffer(), p.granulePosition()));
    }

    /** Pages found missing by their sequence numbers so far. */
    public long pagesLost() {
        return pages.pagesLost();
    }
}
