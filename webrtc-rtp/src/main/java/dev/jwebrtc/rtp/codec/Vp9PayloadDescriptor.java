package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2), flexible and non-flexible modes. Absent numeric fields are -1.
 *
 * <pre>
 *  I|P|L|F|B|E|V|Z             required
 *  M|PICTURE ID (7/15)         if I
 *  TID|U|SID|D                 if L
 *  TL0PICIDX                   if L and not F
 *  P_DIFF|N  (up to 3)         if F and P
 *  scalability structure       if V
 * </pre>
 *
 * @param interPicturePredicted P
 * @param flexibleMode F
 * @param beginningOfFrame B
 * @param endOfFrame E
 * @param notReferencedByUpperSpatial Z
 * @param pictureId picture ID or -1
 * @param longPictureId M: 15-bit picture ID
 * @param temporalLayer TID 0..7, or -1 when there are no layer indices (L clear)
 * @param switchingUp U
 * @param spatialLayer SID 0..7 (-1 without layer indices)
 * @param interLayerDependency D
 * @param tl0PicIdx TL0PICIDX or -1 (only in non-flexible mode with layer indices)
 * @param referenceDiffs P_DIFF values (flexible mode, P set), 1..3 of them
 * @param scalability the scalability structure, or null when V is clear
 */
public record Vp9PayloadDescriptor(boolean interPicturePredicted, boolean flexibleMode, boolean beginningOfFrame,
        boolean endOfFrame, boolean notReferencedByUpperSpatial, int pictureId, boolean longPictureId,
        int temporalLayer, boolean switchingUp, int spatialLayer, boolean interLayerDependency, int tl0PicIdx,
        List<Integer> referenceDiffs, @Nullable Vp9ScalabilityStructure scalability) {

    public Vp9PayloadDescriptor {
        Vp8PayloadDescriptor.check("picture id", pictureId, -1, longPictureId ? 0x7FFF : 0x7F);
        Vp8PayloadDescriptor.check("TID", temporalLayer, -1, 7);
        Vp8PayloadDescriptor.check("SID", spatialLayer, temporalLayer < 0 ? -1 : 0, temporalLayer < 0 ? -1 : 7);
        Vp8PayloadDescriptor.check("TL0PICIDX", tl0PicIdx, -1, 255);
        referenceDiffs = List.copyOf(referenceDiffs);
        if (flexibleMode && interPicturePredicted && (referenceDiffs.isEmpty() || referenceDiffs.size() > 3)) {
            throw new IllegalArgumentException("flexible mode with P set needs 1..3 P_DIFF values (RFC 9628 §4.2)");
        }
        if ((!flexibleMode || !interPicturePredicted) && !referenceDiffs.isEmpty()) {
            throw new IllegalArgumentException("P_DIFF values only exist in flexible mode with P set");
        }
        for (int d : referenceDiffs) {
            Vp8PayloadDescriptor.check("P_DIFF", d, 1, 127);
        }
        if (!flexibleMode && temporalLayer >= 0 && tl0PicIdx < 0) {
            throw new IllegalArgumentException("non-flexible mode with layer indices needs TL0PICIDX (RFC 9628 §4.2)");
        }
        if (tl0PicIdx >= 0 && (flexibleMode || temporalLayer < 0)) {
            throw new IllegalArgumentException("TL0PICIDX only exists in non-flexible mode with layer indices");
        }
    }

    /** Parses the descriptor at the payload's position; empty when truncated or inconsistent. */
    public static Optional<Vp9PayloadDescriptor> parse(ByteBuffer payload) {
        int p = payload.position();
        int end = payload.limit();
        if (p >= end) {
            return Optional.empty();
        }
        int b0 = payload.get(p++) & 0xFF;
        boolean i = (b0 & 0x80) != 0;
        boolean pBit = (b0 & 0x40) != 0;
        boolean l = (b0 & 0x20) != 0;
        boolean f = (b0 & 0x10) != 0;
        boolean v = (b0 & 0x02) != 0;
        int pictureId = -1;
        boolean m = false;
        if (i) {
            if (p >= end) {
                return Optional.empty();
            }
            int x = payload.get(p++) & 0xFF;
            m = (x & 0x80) != 0;
            if (m) {
                if (p >= end) {
                    return Optional.empty();
                }
                pictureId = (x & 0x7F) << 8 | (payload.get(p++) & 0xFF);
            } else {
                pictureId = x & 0x7F;
            }
        }
        int tid = -1;
        int sid = -1;
        boolean u = false;
        boolean d = false;
        int tl0 = -1;
        if (l) {
            if (p >= end) {
                return Optional.empty();
            }
            int x = payload.get(p++) & 0xFF;
            tid = x >>> 5;
            u = (x & 0x10) != 0;
            sid = (x >>> 1) & 0x07;
            d = (x & 0x01) != 0;
            if (!f) {
                if (p >= end) {
                    return Optional.empty();
                }
                tl0 = payload.get(p++) & 0xFF;
            }
        }
        List<Integer> diffs = new ArrayList<>(3);
        if (f && pBit) {
            boolean more = true;
            while (more) {
                if (p >= end || diffs.size() == 3) {
                    return Optional.empty();
                }
                int x = payload.get(p++) & 0xFF;
                if (x >>> 1 == 0) {
                    return Optional.empty();
                }
                diffs.add(x >>> 1);
                more = (x & 0x01) != 0;
            }
        }
        Vp9ScalabilityStructure ss = null;
        if (v) {
            int[] after = new int[1];
            ss = Vp9ScalabilityStructure.parse(payload, p, end, after);
            if (ss == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Vp9PayloadDescriptor(pBit, f, (b0 & 0x08) != 0, (b0 & 0x04) != 0, (b0 & 0x01) != 0,
                pictureId, m, tid, u, sid, d, tl0, diffs, ss));
    }

    /** Bytes the descriptor takes. */
    public int encodedLength() {
        int n = 1;
        if (pictureId >= 0) {
            n += longPictureId ? 2 : 1;
        }
        if (temporalLayer >= 0) {
            n += flexibleMode ? 1 : 2;
        }
        n += referenceDiffs.size();
        if (scalability != null) {
            n += scalability.encodedLength();
        }
        return n;
    }

    /** Writes the descriptor at {@code out}'s position. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) ((pictureId >= 0 ? 0x80 : 0) | (interPicturePredicted ? 0x40 : 0)
                | (temporalLayer >= 0 ? 0x20 : 0) | (flexibleMode ? 0x10 : 0) | (beginningOfFrame ? 0x08 : 0)
                | (endOfFrame ? 0x04 : 0) | (scalability != null ? 0x02 : 0) | (notReferencedByUpperSpatial ? 1 : 0)));
        if (pictureId >= 0) {
            if (longPictureId) {
                out.put((byte) (0x80 | pictureId >>> 8));
            }
            out.put((byte) pictureId);
        }
        if (temporalLayer >= 0) {
            out.put((byte) (temporalLayer << 5 | (switchingUp ? 0x10 : 0) | spatialLayer << 1
                    | (interLayerDependency ? 1 : 0)));
            if (!flexibleMode) {
                out.put((byte) tl0PicIdx);
            }
        }
        for (int k = 0; k < referenceDiffs.size(); k++) {
            out.put((byte) (referenceDiffs.get(k) << 1 | (k < referenceDiffs.size() - 1 ? 1 : 0)));
        }
        if (scalability != null) {
            scalability.writeTo(out);
        }
    }
}
