package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * AV1 RTP payload format (AOMedia "RTP Payload Format For AV1" v1.0, §4). Each payload is a one-byte aggregation
 * header {@code Z|Y|W|W|N|0|0|0} followed by OBU elements: with W=0 each element has a LEB128 length; with W=1..3
 * there are W elements and the last one has none. Z: the first element continues an OBU from the previous packet;
 * Y: the last element continues in the next one; N: the packet starts a new coded video sequence.
 *
 * <p>Payloader: takes a temporal unit as low-overhead OBUs (each with obu_has_size_field, as in IVF and encoder
 * output), drops temporal delimiters and tile lists (§5), strips the OBU size fields (§4.3 recommends it), and fills
 * packets greedily, fragmenting OBUs across packets. N is set when the temporal unit has a sequence header.
 *
 * <p>Depacketizer: joins fragments and rebuilds low-overhead OBUs with size fields, so the output can be stored in
 * IVF or fed to a decoder. A frame is a keyframe when its first packet has N set, as libwebrtc decides.
 */
public final class Av1Codec implements Payloader, Depacketizer {
    /** §7.1: the RTP clock rate. */
    public static final int CLOCK_RATE = 90_000;

    static final int OBU_SEQUENCE_HEADER = 1;
    static final int OBU_TEMPORAL_DELIMITER = 2;
    static final int OBU_TILE_LIST = 8;

    @Override
    public List<byte[]> payload(ByteBuffer frame, int maxPayloadSize) {
        if (maxPayloadSize < 4) {
            throw new IllegalArgumentException("payload limit " + maxPayloadSize + " too small for AV1");
        }
        List<ByteBuffer> obus = new ArrayList<>();
        boolean sequenceHeader = false;
        int pos = frame.position();
        int end = frame.limit();
        while (pos < end) {
            int header = frame.get(pos) & 0xFF;
            int type = (header >>> 3) & 0x0F;
            boolean ext = (header & 0x04) != 0;
            boolean hasSize = (header & 0x02) != 0;
            int headerLen = ext ? 2 : 1;
            if ((header & 0x80) != 0 || pos + headerLen > end) {
                throw new IllegalArgumentException("malformed OBU header at offset " + (pos - frame.position()));
            }
            int payloadAt = pos + headerLen;
            int payloadLen;
            if (hasSize) {
                long r = Leb128.read(frame, payloadAt, end);
                if (r < 0 || payloadAt + (r & 0xFF) + (r >>> 8) > end) {
                    throw new IllegalArgumentException("OBU size runs past the temporal unit at offset "
                            + (pos - frame.position()));
                }
                payloadAt += (int) (r & 0xFF);
                payloadLen = (int) (r >>> 8);
            } else {
                payloadLen = end - payloadAt;
            }
            if (type != OBU_TEMPORAL_DELIMITER && type != OBU_TILE_LIST) {
                ByteBuffer obu = ByteBuffer.allocate(headerLen + payloadLen);
                obu.put((byte) (header & ~0x02)); // §4.3: obu_has_size_field cleared in RTP
                if (ext) {
                    obu.put(frame.get(pos + 1));
                }
                obu.put(frame.duplicate().limit(payloadAt + payloadLen).position(payloadAt));
                obu.flip();
                obus.add(obu);
                sequenceHeader |= type == OBU_SEQUENCE_HEADER;
            }
            pos = payloadAt + payloadLen;
        }
        if (obus.isEmpty()) {
            throw new IllegalArgumentException("no OBUs in the AV1 temporal unit");
        }
        return pack(obus, maxPayloadSize, sequenceHeader);
    }

    /** Packs OBUs into packets, every element with a length prefix, then drops the last prefix where W can count. */
    private static List<byte[]> pack(List<ByteBuffer> obus, int max, boolean newSequence) {
        List<byte[]> out = new ArrayList<>();
        List<ByteBuffer> elements = new ArrayList<>();
        boolean z = false;
        int room = max - 1;
        for (ByteBuffer obu : obus) {
            ByteBuffer rest = obu.duplicate();
            while (rest.hasRemaining()) {
                int whole = Leb128.size(rest.remaining()) + rest.remaining();
                if (whole <= room) {
                    elements.add(rest);
                    room -= whole;
                    break;
                }
                int n = room - Leb128.size(room);
                if (n >= 1) {
                    ByteBuffer piece = rest.duplicate();
                    piece.limit(piece.position() + n);
                    elements.add(piece);
                    rest.position(rest.position() + n);
                }
                if (elements.isEmpty()) {
                    throw new IllegalArgumentException("payload limit " + max + " too small for AV1");
                }
                out.add(packet(elements, z, n >= 1, newSequence && out.isEmpty()));
                elements.clear();
                z = n >= 1;
                room = max - 1;
            }
        }
        if (!elements.isEmpty()) {
            out.add(packet(elements, z, false, newSequence && out.isEmpty()));
        }
        return out;
    }

    private static byte[] packet(List<ByteBuffer> elements, boolean z, boolean y, boolean n) {
        int w = elements.size() <= 3 ? elements.size() : 0;
        int size = 1;
        for (int i = 0; i < elements.size(); i++) {
            int len = elements.get(i).remaining();
            size += len + (w != 0 && i == elements.size() - 1 ? 0 : Leb128.size(len));
        }
        ByteBuffer p = ByteBuffer.allocate(size);
        p.put((byte) ((z ? 0x80 : 0) | (y ? 0x40 : 0) | w << 4 | (n ? 0x08 : 0)));
        for (int i = 0; i < elements.size(); i++) {
            ByteBuffer e = elements.get(i);
            if (w == 0 || i < elements.size() - 1) {
                Leb128.write(p, e.remaining());
            }
            p.put(e.duplicate());
        }
        return p.array();
    }

    @Override
    public boolean isFrameStart(ByteBuffer payload) {
        return payload.hasRemaining() && (payload.get(payload.position()) & 0x80) == 0;
    }

    @Override
    public Optional<byte[]> depacketize(List<ByteBuffer> payloads) {
        List<ByteBuffer> obus = obus(payloads);
        if (obus == null || obus.isEmpty()) {
            return Optional.empty();
        }
        int size = 0;
        for (ByteBuffer o : obus) {
            size += o.remaining() + Leb128.size(o.remaining()); // upper bound
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer o : obus) {
            int header = o.get(o.position()) & 0xFF;
            boolean ext = (header & 0x04) != 0;
            int headerLen = ext ? 2 : 1;
            if (o.remaining() < headerLen) {
                return Optional.empty();
            }
            int payloadAt = o.position() + headerLen;
            int payloadLen = o.limit() - payloadAt;
            if ((header & 0x02) != 0) { // the sender kept the size field: honour it
                long r = Leb128.read(o, payloadAt, o.limit());
                if (r < 0 || (r >>> 8) > o.limit() - payloadAt - (r & 0xFF)) {
                    return Optional.empty();
                }
                payloadAt += (int) (r & 0xFF);
                payloadLen = (int) (r >>> 8);
            }
            out.put((byte) (header | 0x02));
            if (ext) {
                out.put(o.get(o.position() + 1));
            }
            Leb128.write(out, payloadLen);
            out.put(o.duplicate().limit(payloadAt + payloadLen).position(payloadAt));
        }
        byte[] b = new byte[out.position()];
        out.flip().get(b);
        return Optional.of(b);
    }

    /** Whole OBUs (without size fields unless the sender kept them) from the payloads; null when malformed. */
    static @Nullable List<ByteBuffer> obus(List<ByteBuffer> payloads) {
        List<ByteBuffer> out = new ArrayList<>();
        ByteBuffer pending = null;
        for (int k = 0; k < payloads.size(); k++) {
            ByteBuffer p = payloads.get(k);
            int pos = p.position();
            int end = p.limit();
            if (pos >= end) {
                return null;
            }
            int agg = p.get(pos++) & 0xFF;
            boolean z = (agg & 0x80) != 0;
            boolean y = (agg & 0x40) != 0;
            int w = (agg >>> 4) & 0x03;
            if (z != (pending != null)) {
                return null; // a continuation without a start, or a fragment never continued
            }
            List<ByteBuffer> elements = new ArrayList<>();
            while (pos < end) {
                int len;
                if (w != 0 && elements.size() == w - 1) {
                    len = end - pos; // §4.4: the last of W elements has no length field
                } else {
                    long r = Leb128.read(p, pos, end);
                    if (r < 0) {
                        return null;
                    }
                    pos += (int) (r & 0xFF);
                    if ((r >>> 8) > end - pos) {
                        return null;
                    }
                    len = (int) (r >>> 8);
                }
                ByteBuffer e = p.duplicate();
                e.limit(pos + len).position(pos);
                elements.add(e.slice());
                pos += len;
            }
            if (elements.isEmpty() || (w != 0 && elements.size() != w)) {
                return null;
            }
            for (int i = 0; i < elements.size(); i++) {
                ByteBuffer e = elements.get(i);
                if (i == 0 && pending != null) {
                    ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + e.remaining());
                    joined.put(pending).put(e).flip();
                    e = joined;
                    pending = null;
                }
                if (i == elements.size() - 1 && y) {
                    pending = e;
                } else if (e.hasRemaining()) {
                    out.add(e);
                }
            }
        }
        return pending == null ? out : null;
    }

    @Override
    public boolean isKeyframe(List<ByteBuffer> payloads) {
        return !payloads.isEmpty() && payloads.get(0).hasRemaining()
                && (payloads.get(0).get(payloads.get(0).position()) & 0x08) != 0;
    }
}
