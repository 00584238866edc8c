package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * H.264 RTP payload format (RFC 6184), packetization-mode 1 (non-interleaved): single NAL unit packets, STAP-A
 * aggregation and FU-A fragmentation.
 *
 * <p>Payloader: takes an access unit in Annex B form. Access unit delimiters and filler data are dropped (RFC 6184
 * §5.3 lets them go); the latest SPS and PPS are remembered and put in front of an IDR picture that comes without
 * them, so a receiver joining at any keyframe can decode. Consecutive small NAL units are aggregated in STAP-A
 * packets, NAL units larger than the payload limit are fragmented in FU-A packets.
 *
 * <p>Depacketizer: outputs Annex B with 4-byte start codes. STAP-B, MTAP and FU-B (interleaved mode) are rejected.
 * A frame is a keyframe when it holds an IDR slice (nal_unit_type 5).
 */
public final class H264Codec implements Payloader, Depacketizer {
    /** RFC 6184 §8.2.1: the RTP clock rate. */
    public static final int CLOCK_RATE = 90_000;

    static final int NAL_IDR = 5;
    static final int NAL_SEI = 6;
    static final int NAL_SPS = 7;
    static final int NAL_PPS = 8;
    static final int NAL_AUD = 9;
    static final int NAL_FILLER = 12;
    static final int STAP_A = 24;
    static final int STAP_B = 25;
    static final int MTAP16 = 26;
    static final int MTAP24 = 27;
    static final int FU_A = 28;
    static final int FU_B = 29;

    private byte @Nullable [] sps;
    private byte @Nullable [] pps;

    @Override
    public List<byte[]> payload(ByteBuffer frame, int maxPayloadSize) {
        if (maxPayloadSize < 3) {
            throw new IllegalArgumentException("payload limit " + maxPayloadSize + " too small for FU-A");
        }
        List<ByteBuffer> nals = new ArrayList<>();
        boolean hasSps = false;
        boolean hasPps = false;
        boolean hasIdr = false;
        for (ByteBuffer nal : AnnexB.split(frame)) {
            int type = nal.get(nal.position()) & 0x1F;
            switch (type) {
                case NAL_AUD, NAL_FILLER -> {
                    continue;
                }
                case NAL_SPS -> {
                    sps = copy(nal);
                    hasSps = true;
                }
                case NAL_PPS -> {
                    pps = copy(nal);
                    hasPps = true;
                }
                case NAL_IDR -> {
                    if (!hasIdr && (!hasSps || !hasPps) && sps != null && pps != null) {
                        // RFC 6184 §8.4 / common practice: parameter sets ahead of the IDR picture
                        if (!hasSps) {
                            nals.add(ByteBuffer.wrap(sps));
                            hasSps = true;
                        }
                        if (!hasPps) {
                            nals.add(ByteBuffer.wrap(pps));
                            hasPps = true;
                        }
                    }
                    hasIdr = true;
                }
                default -> {
                }
            }
            nals.add(nal);
        }
        if (nals.isEmpty()) {
            throw new IllegalArgumentException("no NAL units in the H.264 access unit (expected Annex B start codes)");
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            ByteBuffer nal = nals.get(i);
            if (nal.remaining() > maxPayloadSize) {
                fragment(nal, maxPayloadSize, out);
                i++;
                continue;
            }
            // RFC 6184 §5.7.1: STAP-A = 1 byte header + (2-byte size + NAL) per unit
            int j = i;
            int size = 1;
            while (j < nals.size() && size + 2 + nals.get(j).remaining() <= maxPayloadSize) {
                size += 2 + nals.get(j).remaining();
                j++;
            }
            if (j - i >= 2) {
                out.add(stapA(nals.subList(i, j), size));
                i = j;
            } else {
                out.add(copy(nal));
                i++;
            }
        }
        return out;
    }

    private static byte[] stapA(List<ByteBuffer> units, int size) {
        ByteBuffer p = ByteBuffer.allocate(size);
        int nri = 0;
        int f = 0;
        for (ByteBuffer u : units) {
            int h = u.get(u.position()) & 0xFF;
            nri = Math.max(nri, h & 0x60); // RFC 6184 §5.7: NRI is the maximum of the aggregated units
            f |= h & 0x80;
        }
        p.put((byte) (f | nri | STAP_A));
        for (ByteBuffer u : units) {
            p.putShort((short) u.remaining());
            p.put(u.duplicate());
        }
        return p.array();
    }

    // RFC 6184 §5.8: FU indicator (F, NRI, type 28), FU header (S, E, R, original type), then a slice of the payload
    private static void fragment(ByteBuffer nal, int max, List<byte[]> out) {
        int header = nal.get(nal.position()) & 0xFF;
        ByteBuffer body = nal.duplicate();
        body.position(nal.position() + 1);
        int chunk = max - 2;
        boolean first = true;
        while (body.hasRemaining()) {
            int n = Math.min(chunk, body.remaining());
            boolean last = n == body.remaining();
            ByteBuffer p = ByteBuffer.allocate(2 + n);
            p.put((byte) ((header & 0xE0) | FU_A));
            p.put((byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | (header & 0x1F)));
            p.put(body.slice().limit(n));
            body.position(body.position() + n);
            out.add(p.array());
            first = false;
        }
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Override
    public boolean hasReliableFrameStart() {
        return false;
    }

    @Override
    public boolean isFrameStart(ByteBuffer payload) {
        if (payload.remaining() < 1) {
            return false;
        }
        int type = payload.get(payload.position()) & 0x1F;
        if (type == FU_A) {
            return payload.remaining() >= 2 && (payload.get(payload.position() + 1) & 0x80) != 0;
        }
        return type >= 1 && type <= STAP_A;
    }

    @Override
    public Optional<byte[]> depacketize(List<ByteBuffer> payloads) {
        List<ByteBuffer> nals = nalUnits(payloads);
        return nals == null || nals.isEmpty() ? Optional.empty() : Optional.of(AnnexB.join(nals));
    }

    @Override
    public boolean isKeyframe(List<ByteBuffer> payloads) {
        List<ByteBuffer> nals = nalUnits(payloads);
        if (nals == null) {
            return false;
        }
        for (ByteBuffer n : nals) {
            if ((n.get(n.position()) & 0x1F) == NAL_IDR) {
                return true;
            }
        }
        return false;
    }

    /** The NAL units carried by the payloads, FU-A fragments joined; null when malformed. */
    static @Nullable List<ByteBuffer> nalUnits(List<ByteBuffer> payloads) {
        List<ByteBuffer> out = new ArrayList<>();
        @Nullable ByteBuffer fu = null; // FU-A reassembly in progress
        for (ByteBuffer p : payloads) {
            int at = p.position();
            int end = p.limit();
            if (at >= end) {
                return null;
            }
            int header = p.get(at) & 0xFF;
            int type = header & 0x1F;
            if (fu != null && type != FU_A) {
                return null; // fragments interrupted
            }
            if (type >= 1 && type <= 23) {
                out.add(slice(p, at, end));
            } else if (type == STAP_A) {
                int pos = at + 1;
                if (pos >= end) {
                    return null;
                }
                while (pos < end) {
                    if (pos + 2 > end) {
                        return null;
                    }
                    int size = p.getShort(pos) & 0xFFFF;
                    pos += 2;
                    if (size == 0 || pos + size > end) {
                        return null;
                    }
                    out.add(slice(p, pos, pos + size));
                    pos += size;
                }
            } else if (type == FU_A) {
                if (end - at < 3) {
                    return null;
                }
                int fuHeader = p.get(at + 1) & 0xFF;
                boolean start = (fuHeader & 0x80) != 0;
                boolean last = (fuHeader & 0x40) != 0;
                if (start == (fu != null) || (start && last)) {
                    return null; // RFC 6184 §5.8: S and E not both set; S only on the first fragment
                }
                if (start) {
                    fu = ByteBuffer.allocate(64 * 1024);
                    fu.put((byte) ((header & 0xE0) | (fuHeader & 0x1F)));
                }
                ByteBuffer piece = slice(p, at + 2, end);
                if (fu.remaining() < piece.remaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(Math.max(fu.capacity() * 2, fu.position()
                            + piece.remaining()));
                    fu.flip();
                    bigger.put(fu);
                    fu = bigger;
                }
                fu.put(piece);
                if (last) {
                    fu.flip();
                    out.add(fu);
                    fu = null;
                }
            } else {
                return null; // 0, 25 STAP-B, 26/27 MTAP, 29 FU-B, 30/31: not in packetization-mode 1
            }
        }
        return fu == null ? out : null;
    }

    private static ByteBuffer slice(ByteBuffer b, int from, int to) {
        ByteBuffer d = b.duplicate();
        d.limit(to).position(from);
        return d.slice();
    }
}
