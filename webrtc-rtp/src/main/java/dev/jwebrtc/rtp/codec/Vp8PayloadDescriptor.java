package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2). Absent optional fields are -1.
 *
 * <pre>
 *  X|R|N|S|R|PID      required
 *  I|L|T|K|RSV        if X
 *  M|PictureID(7/15)  if I
 *  TL0PICIDX          if L
 *  TID|Y|KEYIDX       if T or K
 * </pre>
 *
 * @param extended the X bit (an extension byte follows; implied by any optional field)
 * @param nonReference N: the frame can be discarded without affecting others
 * @param startOfPartition S: the first packet of a VP8 partition
 * @param partitionIndex PID, 0..7
 * @param pictureId 7- or 15-bit picture ID, or -1
 * @param longPictureId M: the picture ID takes 15 bits
 * @param tl0PicIdx TL0PICIDX 0..255, or -1
 * @param temporalLayer TID 0..3, or -1 (T clear)
 * @param layerSync Y: layer sync bit (only meaningful with TID)
 * @param keyIndex KEYIDX 0..31, or -1 (K clear)
 */
public record Vp8PayloadDescriptor(boolean extended, boolean nonReference, boolean startOfPartition,
        int partitionIndex, int pictureId, boolean longPictureId, int tl0PicIdx, int temporalLayer,
        boolean layerSync, int keyIndex) {

    public Vp8PayloadDescriptor {
        check("partition index", partitionIndex, 0, 7);
        check("picture id", pictureId, -1, longPictureId ? 0x7FFF : 0x7F);
        check("TL0PICIDX", tl0PicIdx, -1, 255);
        check("TID", temporalLayer, -1, 3);
        check("KEYIDX", keyIndex, -1, 31);
        extended = extended || pictureId >= 0 || tl0PicIdx >= 0 || temporalLayer >= 0 || keyIndex >= 0;
    }

    /** A descriptor with a 15-bit picture ID only, as browsers send. */
    public static Vp8PayloadDescriptor withPictureId(boolean start, int pictureId) {
        return new Vp8PayloadDescriptor(true, false, start, 0, pictureId & 0x7FFF, true, -1, -1, false, -1);
    }

    /** Parses the descriptor at the payload's position; empty when truncated. */
    public static Optional<Vp8PayloadDescriptor> parse(ByteBuffer payload) {
        int p = payload.position();
        int end = payload.limit();
        if (p >= end) {
            return Optional.empty();
        }
        int b0 = payload.get(p++) & 0xFF;
        boolean x = (b0 & 0x80) != 0;
        int pictureId = -1;
        boolean m = false;
        int tl0 = -1;
        int tid = -1;
        boolean y = false;
        int keyIdx = -1;
        if (x) {
            if (p >= end) {
                return Optional.empty();
            }
            int b1 = payload.get(p++) & 0xFF;
            if ((b1 & 0x80) != 0) { // I
                if (p >= end) {
                    return Optional.empty();
                }
                int pid = payload.get(p++) & 0xFF;
                m = (pid & 0x80) != 0;
                if (m) {
                    if (p >= end) {
                        return Optional.empty();
                    }
                    pictureId = (pid & 0x7F) << 8 | (payload.get(p++) & 0xFF);
                } else {
                    pictureId = pid & 0x7F;
                }
            }
            if ((b1 & 0x40) != 0) { // L
                if (p >= end) {
                    return Optional.empty();
                }
                tl0 = payload.get(p++) & 0xFF;
            }
            boolean t = (b1 & 0x20) != 0;
            boolean k = (b1 & 0x10) != 0;
            if (t || k) {
                if (p >= end) {
                    return Optional.empty();
                }
                int b = payload.get(p++) & 0xFF;
                tid = t ? b >>> 6 : -1;
                y = t && (b & 0x20) != 0;
                keyIdx = k ? b & 0x1F : -1;
            }
        }
        return Optional.of(new Vp8PayloadDescriptor(x, (b0 & 0x20) != 0, (b0 & 0x10) != 0, b0 & 0x07, pictureId, m,
                tl0, tid, y, keyIdx));
    }

    /** Bytes the descriptor takes. */
    public int encodedLength() {
        if (!extended) {
            return 1;
        }
        int n = 2;
        if (pictureId >= 0) {
            n += longPictureId ? 2 : 1;
        }
        if (tl0PicIdx >= 0) {
            n++;
        }
        if (temporalLayer >= 0 || keyIndex >= 0) {
            n++;
        }
        return n;
    }

    /** Writes the descriptor at {@code out}'s position. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) ((extended ? 0x80 : 0) | (nonReference ? 0x20 : 0) | (startOfPartition ? 0x10 : 0)
                | partitionIndex));
        if (!extended) {
            return;
        }
        out.put((byte) ((pictureId >= 0 ? 0x80 : 0) | (tl0PicIdx >= 0 ? 0x40 : 0) | (temporalLayer >= 0 ? 0x20 : 0)
                | (keyIndex >= 0 ? 0x10 : 0)));
        if (pictureId >= 0) {
            if (longPictureId) {
                out.put((byte) (0x80 | pictureId >>> 8));
            }
            out.put((byte) pictureId);
        }
        if (tl0PicIdx >= 0) {
            out.put((byte) tl0PicIdx);
        }
        if (temporalLayer >= 0 || keyIndex >= 0) {
            out.put((byte) ((temporalLayer >= 0 ? temporalLayer << 6 : 0) | (layerSync ? 0x20 : 0)
                    | (keyIndex >= 0 ? keyIndex : 0)));
        }
    }

    static void check(String what, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside " + min + ".." + max);
        }
    }
}
