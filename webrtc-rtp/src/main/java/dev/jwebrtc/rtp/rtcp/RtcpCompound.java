package dev.jwebrtc.rtp.rtcp;

import dev.jwebrtc.rtp.ParseStats;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses and writes RTCP datagrams: compound packets (RFC 3550 §6.1) and reduced-size ones (RFC 5506 §3), which
 * may hold a single packet of any type.
 *
 * <p>Parsing validates every header (version 2, lengths inside the datagram, RFC 3550 §A.2) and every known body;
 * any failure drops the whole datagram, counted in the given {@link ParseStats}. Padding (P bit) is accepted on any
 * packet, not only the last one, because libwebrtc pads transport-wide CC feedback that way. Parsed values may
 * be views over the input buffer (opaque bodies, SDES values); copy what you keep past the call.
 */
public final class RtcpCompound {
    private RtcpCompound() {
    }

    /** Parses {@code [position, limit)} of {@code buf}; empty when malformed. */
    public static Optional<List<RtcpPacket>> parse(ByteBuffer buf) {
        return parse(buf, null);
    }

    /** Parses {@code [position, limit)} of {@code buf} without moving its position; never throws for any content. */
    public static Optional<List<RtcpPacket>> parse(ByteBuffer buf, @Nullable ParseStats stats) {
        List<RtcpPacket> out = new ArrayList<>();
        int pos = buf.position();
        int end = buf.limit();
        if (end - pos < 4) {
            return drop(stats, "rtcp: shorter than a header");
        }
        while (pos < end) {
            if (end - pos < 4) {
                return drop(stats, "rtcp: trailing bytes after the last packet");
            }
            int b0 = buf.get(pos) & 0xFF;
            if (b0 >>> 6 != 2) {
                return drop(stats, "rtcp: version is not 2");
            }
            int count = b0 & 0x1F;
            int type = buf.get(pos + 1) & 0xFF;
            int total = 4 * ((buf.getShort(pos + 2) & 0xFFFF) + 1);
            if (pos + total > end) {
                return drop(stats, "rtcp: length runs past the datagram");
            }
            int bodyLen = total - 4;
            if ((b0 & 0x20) != 0) {
                int pad = buf.get(pos + total - 1) & 0xFF;
                if (pad == 0 || pad > bodyLen) {
                    return drop(stats, "rtcp: bad padding length");
                }
                bodyLen -= pad;
            }
            RtcpPacket p;
            try {
                p = parseOne(buf, pos + 4, type, count, bodyLen);
            } catch (IllegalArgumentException e) { // a field a constructor refuses: malformed input, not a bug
                p = null;
            }
            if (p == null) {
                return drop(stats, "rtcp: malformed packet type " + type);
            }
            out.add(p);
            pos += total;
        }
        return Optional.of(List.copyOf(out));
    }

    private static @Nullable RtcpPacket parseOne(ByteBuffer b, int at, int type, int count, int len) {
        return switch (type) {
            case RtcpPacket.SR -> SenderReport.parse(b, at, count, len);
            case RtcpPacket.RR -> ReceiverReport.parse(b, at, count, len);
            case RtcpPacket.SDES -> SourceDescription.parse(b, at, count, len);
            case RtcpPacket.BYE -> Goodbye.parse(b, at, count, len);
            case RtcpPacket.APP -> ApplicationDefined.parse(b, at, count, len);
            case RtcpPacket.RTPFB -> switch (count) {
                case GenericNack.FMT -> GenericNack.parse(b, at, len);
                case TransportWideCcFeedback.FMT -> TransportWideCcFeedback.parse(b, at, len);
                default -> unknown(b, at, type, count, len);
            };
            case RtcpPacket.PSFB -> switch (count) {
                case PictureLossIndication.FMT -> PictureLossIndication.parse(b, at, len);
                case FullIntraRequest.FMT -> FullIntraRequest.parse(b, at, len);
                case ReceiverEstimatedMaxBitrate.FMT -> ReceiverEstimatedMaxBitrate.isRemb(b, at, len)
                        ? ReceiverEstimatedMaxBitrate.parse(b, at, len) : unknown(b, at, type, count, len);
                default -> unknown(b, at, type, count, len);
            };
            case RtcpPacket.XR -> ExtendedReport.parse(b, at, len);
            default -> unknown(b, at, type, count, len);
        };
    }

    private static UnknownRtcpPacket unknown(ByteBuffer b, int at, int type, int count, int len) {
        return new UnknownRtcpPacket(type, count, Rtcp.slice(b, at, len & ~3));
    }

    /**
     * Whether the packets form a full compound packet (RFC 3550 §6.1): starting with SR or RR and carrying an SDES
     * with a CNAME. Anything else is only valid where reduced-size RTCP (RFC 5506) was negotiated.
     */
    public static boolean isFullCompound(List<RtcpPacket> packets) {
        if (packets.isEmpty()) {
            return false;
        }
        RtcpPacket first = packets.get(0);
        if (!(first instanceof SenderReport || first instanceof ReceiverReport)) {
            return false;
        }
        for (RtcpPacket p : packets) {
            if (p instanceof SourceDescription s && s.chunks().stream()
                    .anyMatch(c -> c.find(dev.jwebrtc.rtp.rtcp.SdesItem.CNAME).isPresent())) {
                return true;
            }
        }
        return false;
    }

    /** Total bytes of the packets written back to back. */
    public static int encodedLength(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.encodedLength();
        }
        return n;
    }

    /**
     * Writes the packets back to back at {@code out}'s position; returns the bytes written.
     *
     * @throws BufferOverflowException if {@code out} is too small
     */
    public static int writeTo(List<? extends RtcpPacket> packets, ByteBuffer out) {
        int n = encodedLength(packets);
        if (out.remaining() < n) {
            throw new BufferOverflowException();
        }
        for (RtcpPacket p : packets) {
            p.writeTo(out);
        }
        return n;
    }

    /** The packets written back to back in a new array. */
    public static byte[] encode(List<? extends RtcpPacket> packets) {
        byte[] b = new byte[encodedLength(packets)];
        writeTo(packets, ByteBuffer.wrap(b));
        return b;
    }

    private static Optional<List<RtcpPacket>> drop(@Nullable ParseStats stats, String reason) {
        if (stats != null) {
            stats.drop(reason);
        }
        return Optional.empty();
    }
}
