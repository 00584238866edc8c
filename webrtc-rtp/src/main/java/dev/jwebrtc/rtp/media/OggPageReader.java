package dev.jwebrtc.rtp.media;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the packets of the first logical bitstream of an Ogg file (RFC 3533 §6), checking capture pattern, version
 * and CRC of every page; pages of other streams are skipped (not API).
 */
final class OggPageReader {
    /** A packet and, when it is the last packet completed on its page, that page's granule position (else -1). */
    record Packet(byte[] data, long granulePosition, boolean endOfStream) {
    }

    private final InputStream in;
    private long serial = -1;
    private long offset;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final java.util.ArrayDeque<Packet> ready = new java.util.ArrayDeque<>();
    private boolean eos;
    private long expectedSequence = -1;
    private long pagesLost;

    OggPageReader(InputStream in) {
        this.in = in;
    }

    /** The next packet, or null at the end of the stream. */
    @Nullable Packet next() {
        while (ready.isEmpty()) {
            if (eos || !readPage()) {
                return null;
            }
        }
        return ready.poll();
    }

    long pagesLost() {
        return pagesLost;
    }

    private boolean readPage() {
        byte[] h = new byte[27];
        int n = IoSupport.readFully(in, h, 0, 27);
        if (n == 0) {
            return false;
        }
        if (n < 27) {
            throw new MediaFormatException("Ogg page header truncated at offset " + offset);
        }
        if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S') {
            throw new MediaFormatException("no Ogg capture pattern at offset " + offset);
        }
        if (h[4] != 0) {
            throw new MediaFormatException("Ogg version " + h[4] + " at offset " + offset);
        }
        int flags = h[5] & 0xFF;
        long granule = IoSupport.le64(h, 6);
        long pageSerial = IoSupport.le32(h, 14);
        long seq = IoSupport.le32(h, 18);
        long crc = IoSupport.le32(h, 22);
        int segs = h[26] & 0xFF;
        byte[] table = new byte[segs];
        if (IoSupport.readFully(in, table, 0, segs) < segs) {
            throw new MediaFormatException("Ogg segment table truncated at offset " + offset);
        }
        int bodyLen = 0;
        for (byte t : table) {
            bodyLen += t & 0xFF;
        }
        byte[] body = new byte[bodyLen];
        if (IoSupport.readFully(in, body, 0, bodyLen) < bodyLen) {
            throw new MediaFormatException("Ogg page body truncated at offset " + offset);
        }
        h[22] = 0;
        h[23] = 0;
        h[24] = 0;
        h[25] = 0;
        int c = OggCrc.update(0, h, 0, 27);
        c = OggCrc.update(c, table, 0, segs);
        c = OggCrc.update(c, body, 0, bodyLen);
        if ((c & 0xFFFF_FFFFL) != crc) {
            throw new MediaFormatException("Ogg page CRC mismatch at offset " + offset);
        }
        offset += 27 + segs + bodyLen;
        if (serial < 0) {
            if ((flags & OggPageWriter.BOS) == 0) {
                throw new MediaFormatException("first Ogg page lacks the beginning-of-stream flag");
            }
            serial = pageSerial;
        } else if (pageSerial != serial) {
            return true; // another logical stream multiplexed in: skip
        }
        if (expectedSequence >= 0 && seq != expectedSequence) {
            pagesLost++;
            partial.reset(); // a packet spanning the gap cannot be completed
        }
        expectedSequence = seq + 1;
        boolean continued = (flags & OggPageWriter.CONTINUED) != 0;
        int pos = 0;
        boolean skipping = continued && partial.size() == 0; // the packet's start is not ours (lost or before us)
        if (!continued && partial.size() > 0) {
            throw new MediaFormatException("Ogg packet left unfinished before offset " + offset);
        }
        int lastComplete = -1;
        for (int k = 0; k < segs; k++) {
            if ((table[k] & 0xFF) < 255) {
                lastComplete = k;
            }
        }
        for (int k = 0; k < segs; k++) {
            int len = table[k] & 0xFF;
            if (!skipping) {
                partial.write(body, pos, len);
            }
            pos += len;
            if (len < 255) {
                if (!skipping) {
                    ready.add(new Packet(partial.toByteArray(), k == lastComplete ? granule : -1,
                            k == lastComplete && (flags & OggPageWriter.EOS) != 0));
                }
                partial.reset();
                skipping = false;
            }
        }
        eos = (flags & OggPageWriter.EOS) != 0;
        return true;
    }
}
