package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;

/**
 * An RTCP packet of a type (or feedback FMT) this module does not model, kept as bytes so it can be forwarded or
 * written back unchanged (RFC 3550 §6.1: receivers ignore unknown types).
 *
 * @param packetType PT
 * @param count the 5-bit count/FMT field
 * @param body the bytes after the 4-byte header, padding excluded, a multiple of 4
 */
public record UnknownRtcpPacket(int packetType, int count, ByteBuffer body) implements RtcpPacket {
    public UnknownRtcpPacket {
        Rtcp.checkRange("packet type", packetType, 0, 255);
        Rtcp.checkRange("count", count, 0, 31);
        if (body.remaining() % 4 != 0) {
            throw new IllegalArgumentException("RTCP body must be a multiple of 4 bytes");
        }
    }

    @Override
    public int encodedLength() {
        return 4 + body.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, count, packetType, encodedLength());
        out.put(body.duplicate());
    }
}
