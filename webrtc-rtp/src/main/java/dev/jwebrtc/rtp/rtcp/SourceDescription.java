package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Source description, PT=202 (RFC 3550 §6.5): up to 31 chunks of items; every compound packet carries the sender's
 * CNAME (RFC 3550 §6.1).
 *
 * @param chunks the chunks
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
    public SourceDescription {
        chunks = List.copyOf(chunks);
        Rtcp.checkRange("SDES chunk count", chunks.size(), 0, 31);
    }

    /** One chunk holding a CNAME. */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname)))));
    }

    /** The CNAME of a source, if described here. */
    public Optional<String> cname(long ssrc) {
        return chunks.stream().filter(c -> c.ssrc() == ssrc).findFirst().flatMap(c -> c.find(SdesItem.CNAME));
    }

    static @Nullable SourceDescription parse(ByteBuffer b, int at, int count, int length) {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int pos = at;
        int end = at + length;
        for (int c = 0; c < count; c++) {
            if (pos + 4 > end) {
                return null;
            }
            long ssrc = Rtcp.u32(b, pos);
            pos += 4;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                if (pos >= end) {
                    return null;
                }
                int type = Rtcp.u8(b, pos);
                if (type == 0) { // RFC 3550 §6.5: end of list, then pad to a 32-bit boundary
                    pos = at + Rtcp.pad4(pos + 1 - at);
                    break;
                }
                if (pos + 2 > end) {
                    return null;
                }
                int len = Rtcp.u8(b, pos + 1);
                if (pos + 2 + len > end) {
                    return null;
                }
                items.add(new SdesItem(type, Rtcp.slice(b, pos + 2, len)));
                pos += 2 + len;
            }
            if (pos > end) {
                return null;
            }
            chunks.add(new SdesChunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int encodedLength() {
        int n = 4;
        for (SdesChunk c : chunks) {
            n += c.encodedLength();
        }
        return n;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, chunks.size(), SDES, encodedLength());
        for (SdesChunk c : chunks) {
            int start = out.position();
            out.putInt((int) c.ssrc());
            for (SdesItem i : c.items()) {
                out.put((byte) i.type());
                out.put((byte) i.value().remaining());
                out.put(i.value().duplicate());
            }
            int end = start + c.encodedLength();
            while (out.position() < end) {
                out.put((byte) 0);
            }
        }
    }
}
