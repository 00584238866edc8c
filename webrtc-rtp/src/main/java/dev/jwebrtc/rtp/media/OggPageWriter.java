package dev.jwebrtc.rtp.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one logical Ogg bitstream (RFC 3533 §6): packets laced into pages of at most 255 segments, packets spanning
 * pages with the continuation flag, each page's granule position being that of the last packet completed on it
 * (-1 when none completes), page sequence numbers and CRCs (not API).
 */
final class OggPageWriter {
    static final int CONTINUED = 0x01;
    static final int BOS = 0x02;
    static final int EOS = 0x04;

    private final OutputStream out;
    private final int serial;
    private int sequence;

    OggPageWriter(OutputStream out, int serial) {
        this.out = out;
        this.serial = serial;
    }

    /** Writes packets on as many pages as needed; the flags (BOS, EOS) go on the first and last page. */
    void writePages(List<byte[]> packets, List<Long> granules, boolean bos, boolean eos) {
        writePages(packets, granules, bos, eos, -1);
    }

    /** As above; {@code emptyGranule} is the granule position of a page that holds no packet at all. */
    void writePages(List<byte[]> packets, List<Long> granules, boolean bos, boolean eos, long emptyGranule) {
        // lacing values with the packet each segment belongs to and whether the segment ends it
        List<int[]> segments = new ArrayList<>(); // {packetIndex, offset, length, endsPacket}
        for (int p = 0; p < packets.size(); p++) {
            int len = packets.get(p).length;
            int off = 0;
            while (true) {
                int seg = Math.min(255, len - off);
                boolean ends = seg < 255;
                segments.add(new int[] {p, off, seg, ends ? 1 : 0});
                off += seg;
                if (ends) {
                    break;
                }
            }
        }
        int i = 0;
        boolean continued = false;
        boolean first = true;
        do {
            int n = Math.min(255, segments.size() - i);
            long granule = segments.isEmpty() ? emptyGranule : -1;
            int bodyLen = 0;
            for (int k = i; k < i + n; k++) {
                int[] s = segments.get(k);
                bodyLen += s[2];
                if (s[3] == 1) {
                    granule = granules.get(s[0]);
                }
            }
            boolean last = i + n == segments.size();
            int flags = (continued ? CONTINUED : 0) | (first && bos ? BOS : 0) | (last && eos ? EOS : 0);
            byte[] page = new byte[27 + n + bodyLen];
            page[0] = 'O';
            page[1] = 'g';
            page[2] = 'g';
            page[3] = 'S';
            page[4] = 0;
            page[5] = (byte) flags;
            IoSupport.putLe64(page, 6, granule);
            IoSupport.putLe32(page, 14, serial);
            IoSupport.putLe32(page, 18, sequence++);
            page[26] = (byte) n;
            int pos = 27 + n;
            for (int k = 0; k < n; k++) {
                int[] s = segments.get(i + k);
                page[27 + k] = (byte) s[2];
                System.arraycopy(packets.get(s[0]), s[1], page, pos, s[2]);
                pos += s[2];
            }
            IoSupport.putLe32(page, 22, OggCrc.update(0, page, 0, page.length) & 0xFFFF_FFFFL);
            try {
                out.write(page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            continued = n > 0 && segments.get(i + n - 1)[3] == 0;
            i += n;
            first = false;
        } while (i < segments.size());
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
