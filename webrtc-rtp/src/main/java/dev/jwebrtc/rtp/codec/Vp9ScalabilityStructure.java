package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The VP9 scalability structure (RFC 9628 §4.2.1): spatial layer count, optional resolutions, optional picture
 * group description.
 *
 * @param spatialLayers N_S + 1, 1..8
 * @param resolutions one width/height pair per spatial layer when Y is set, else empty
 * @param pictureGroup the picture group entries when G is set, else null
 */
public record Vp9ScalabilityStructure(int spatialLayers, List<Resolution> resolutions,
        @Nullable List<PictureGroupEntry> pictureGroup) {

    /**
     * A spatial layer's size.
     *
     * @param width 0..65535
     * @param height 0..65535
     */
    public record Resolution(int width, int height) {
        public Resolution {
            Vp8PayloadDescriptor.check("width", width, 0, 0xFFFF);
            Vp8PayloadDescriptor.check("height", height, 0, 0xFFFF);
        }
    }

    /**
     * One picture of the picture group.
     *
     * @param temporalLayer TID 0..7
     * @param switchingUp U
     * @param referenceDiffs P_DIFF values, up to 3, each 1..255
     */
    public record PictureGroupEntry(int temporalLayer, boolean switchingUp, List<Integer> referenceDiffs) {
        public PictureGroupEntry {
            Vp8PayloadDescriptor.check("TID", temporalLayer, 0, 7);
            referenceDiffs = List.copyOf(referenceDiffs);
            Vp8PayloadDescriptor.check("reference count", referenceDiffs.size(), 0, 3);
            for (int d : referenceDiffs) {
                Vp8PayloadDescriptor.check("P_DIFF", d, 0, 255);
            }
        }
    }

    public Vp9ScalabilityStructure {
        Vp8PayloadDescriptor.check("spatial layers", spatialLayers, 1, 8);
        resolutions = List.copyOf(resolutions);
        if (!resolutions.isEmpty() && resolutions.size() != spatialLayers) {
            throw new IllegalArgumentException(resolutions.size() + " resolutions for " + spatialLayers
                    + " spatial layers");
        }
        if (pictureGroup != null) {
            pictureGroup = List.copyOf(pictureGroup);
            Vp8PayloadDescriptor.check("picture group size", pictureGroup.size(), 0, 255);
        }
    }

    /** Parses at {@code at}; returns the structure and sets {@code end[0]} to the offset after it, or null. */
    static @Nullable Vp9ScalabilityStructure parse(ByteBuffer b, int at, int limit, int[] end) {
        if (at >= limit) {
            return null;
        }
        int v = b.get(at++) & 0xFF;
        int ns = (v >>> 5) + 1;
        boolean y = (v & 0x10) != 0;
        boolean g = (v & 0x08) != 0;
        List<Resolution> res = new ArrayList<>();
        if (y) {
            if (at + 4 * ns > limit) {
                return null;
            }
            for (int i = 0; i < ns; i++) {
                res.add(new Resolution(b.getShort(at) & 0xFFFF, b.getShort(at + 2) & 0xFFFF));
                at += 4;
            }
        }
        List<PictureGroupEntry> group = null;
        if (g) {
            if (at >= limit) {
                return null;
            }
            int ng = b.get(at++) & 0xFF;
            group = new ArrayList<>(ng);
            for (int i = 0; i < ng; i++) {
                if (at >= limit) {
                    return null;
                }
                int e = b.get(at++) & 0xFF;
                int r = (e >>> 2) & 0x03;
                if (at + r > limit) {
                    return null;
                }
                List<Integer> diffs = new ArrayList<>(r);
                for (int k = 0; k < r; k++) {
                    diffs.add(b.get(at++) & 0xFF);
                }
                group.add(new PictureGroupEntry(e >>> 5, (e & 0x10) != 0, diffs));
            }
        }
        end[0] = at;
        return new Vp9ScalabilityStructure(ns, res, group);
    }

    int encodedLength() {
        int n = 1 + 4 * resolutions.size();
        if (pictureGroup != null) {
            n++;
            for (PictureGroupEntry e : pictureGroup) {
                n += 1 + e.referenceDiffs().size();
            }
        }
        return n;
    }

    void writeTo(ByteBuffer out) {
        out.put((byte) ((spatialLayers - 1) << 5 | (resolutions.isEmpty() ? 0 : 0x10)
                | (pictureGroup != null ? 0x08 : 0)));
        for (Resolution r : resolutions) {
            out.putShort((short) r.width());
            out.putShort((short) r.height());
        }
        if (pictureGroup != null) {
            out.put((byte) pictureGroup.size());
            for (PictureGroupEntry e : pictureGroup) {
                out.put((byte) (e.temporalLayer() << 5 | (e.switchingUp() ? 0x10 : 0) | e.referenceDiffs().size() << 2));
                for (int d : e.referenceDiffs()) {
                    out.put((byte) d);
                }
            }
        }
    }
}
