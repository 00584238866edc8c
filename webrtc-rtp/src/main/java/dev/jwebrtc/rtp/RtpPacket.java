package dev.jwebrtc.rtp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An RTP packet (RFC 3550 §5.1): header, payload and padding.
 *
 * <p>Parsing does not copy: {@link #payload()} and extension values are views over the parsed buffer, valid while
 * the caller keeps that buffer unchanged (sans-IO input is borrowed for the call, so a core that keeps a packet
 * beyond the call copies it with {@link #copy()}). Writing goes into the caller's buffer.
 *
 * @param header the header fields
 * @param payload the payload bytes between header and padding
 * @param paddingLength 0 for no padding (P bit clear), else 1..255, the count byte included (RFC 3550 §5.1)
 */
public record RtpPacket(RtpHeader header, ByteBuffer payload, int paddingLength) {

    /** The payload bytes between header and padding, as a new view (its position and limit are the caller's to move). */
    public java.nio.ByteBuffer payload() {
        return payload.duplicate();
    }

    public RtpPacket {
        if (paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("padding length " + paddingLength + " outside 0..255");
        }
    }

    /** A packet without padding. */
    public static RtpPacket of(RtpHeader header, ByteBuffer payload) {
        return new RtpPacket(header, payload, 0);
    }

    /** A packet without padding whose payload is (a view of) the given array. */
    public static RtpPacket of(RtpHeader header, byte[] payload) {
        return new RtpPacket(header, ByteBuffer.wrap(payload), 0);
    }

    /** Parses {@code [position, limit)} of {@code buf}; empty when it is not a valid RTP packet. */
    public static Optional<RtpPacket> parse(ByteBuffer buf) {
        return parse(buf, null);
    }

    /**
     * Parses {@code [position, limit)} of {@code buf} without moving its position; when it is not a valid RTP packet,
     * returns empty and counts the reason in {@code stats}. Never throws for any content.
     */
    public static Optional<RtpPacket> parse(ByteBuffer buf, @Nullable ParseStats stats) {
        int start = buf.position();
        int len = buf.remaining();
        if (len < RtpHeader.FIXED_LENGTH) {
            return drop(stats, "rtp: shorter than the fixed header");
        }
        int b0 = buf.get(start) & 0xFF;
        int b1 = buf.get(start + 1) & 0xFF;
        if (b0 >>> 6 != 2) {
            return drop(stats, "rtp: version is not 2");
        }
        boolean padding = (b0 & 0x20) != 0;
        boolean extension = (b0 & 0x10) != 0;
        int cc = b0 & 0x0F;
        int headerLen = RtpHeader.FIXED_LENGTH + 4 * cc;
        if (len < headerLen) {
            return drop(stats, "rtp: CSRC list truncated");
        }
        List<Long> csrcs = new ArrayList<>(cc);
        for (int i = 0; i < cc; i++) {
            csrcs.add(buf.getInt(start + 12 + 4 * i) & 0xFFFF_FFFFL);
        }
        RtpHeaderExtensions ext = null;
        if (extension) {
            if (len < headerLen + 4) {
                return drop(stats, "rtp: extension header truncated");
            }
            int profile = buf.getShort(start + headerLen) & 0xFFFF;
            int words = buf.getShort(start + headerLen + 2) & 0xFFFF;
            if (len < headerLen + 4 + 4 * words) {
                return drop(stats, "rtp: extension body truncated");
            }
            ext = new RtpHeaderExtensions(profile, RtpHeaderExtensions.slice(buf, start + headerLen + 4, 4 * words));
            headerLen += 4 + 4 * words;
        }
        int pad = 0;
        if (padding) {
            pad = buf.get(start + len - 1) & 0xFF;
            if (pad == 0 || pad > len - headerLen) { // RFC 3550 §5.1: count includes itself, within the packet
                return drop(stats, "rtp: bad padding length");
            }
        }
        RtpHeader header = new RtpHeader((b1 & 0x80) != 0, b1 & 0x7F, buf.getShort(start + 2) & 0xFFFF,
                buf.getInt(start + 4) & 0xFFFF_FFFFL, buf.getInt(start + 8) & 0xFFFF_FFFFL, csrcs, ext);
        ByteBuffer payload = RtpHeaderExtensions.slice(buf, start + headerLen, len - headerLen - pad);
        return Optional.of(new RtpPacket(header, payload, pad));
    }

    /** Whether the first byte pair looks like RTP rather than RTCP (RFC 5761 §4: payload types 64..95 are RTCP). */
    public static boolean looksLikeRtp(ByteBuffer buf) {
        if (buf.remaining() < 2) {
            return false;
        }
        int pt = buf.get(buf.position() + 1) & 0x7F;
        return (buf.get(buf.position()) & 0xC0) == 0x80 && (pt < 64 || pt > 95);
    }

    /** Total bytes on the wire. */
    public int encodedLength() {
        return header.encodedLength() + payload.remaining() + paddingLength;
    }

    /**
     * Writes the packet at {@code out}'s position and advances it; returns the bytes written.
     *
     * @throws BufferOverflowException if {@code out} has less room than {@link #encodedLength()}
     */
    public int writeTo(ByteBuffer out) {
        int n = encodedLength();
        if (out.remaining() < n) {
            throw new BufferOverflowException();
        }
        RtpHeaderExtensions ext = header.extensions();
        int b0 = 0x80 | (paddingLength > 0 ? 0x20 : 0) | (ext != null ? 0x10 : 0) | header.csrcs().size();
        out.put((byte) b0);
        out.put((byte) ((header.marker() ? 0x80 : 0) | header.payloadType()));
        out.putShort((short) header.sequenceNumber());
        out.putInt((int) header.timestamp());
        out.putInt((int) header.ssrc());
        for (long c : header.csrcs()) {
            out.putInt((int) c);
        }
        if (ext != null) {
            ext.writeTo(out);
        }
        out.put(payload.duplicate());
        if (paddingLength > 0) {
            for (int i = 1; i < paddingLength; i++) {
                out.put((byte) 0);
            }
            out.put((byte) paddingLength);
        }
        return n;
    }

    /** The packet's bytes in a new array. */
    public byte[] toByteArray() {
        byte[] out = new byte[encodedLength()];
        writeTo(ByteBuffer.wrap(out));
        return out;
    }

    /** A deep copy that no longer refers to the parsed buffer. */
    public RtpPacket copy() {
        ByteBuffer packet = ByteBuffer.wrap(toByteArray());
        return parse(packet).orElseThrow();
    }

    /** This packet with its padding removed (P bit clear). */
    public RtpPacket withoutPadding() {
        return paddingLength == 0 ? this : new RtpPacket(header, payload, 0);
    }

    /** This packet with another header and the same payload and padding. */
    public RtpPacket withHeader(RtpHeader newHeader) {
        return new RtpPacket(newHeader, payload, paddingLength);
    }

    /** The payload as a new array. */
    public byte[] payloadBytes() {
        byte[] out = new byte[payload.remaining()];
        payload.duplicate().get(out);
        return out;
    }

    /** Shortcut for {@code header().sequenceNumber()}. */
    public int sequenceNumber() {
        return header.sequenceNumber();
    }

    /** Shortcut for {@code header().timestamp()}. */
    public long timestamp() {
        return header.timestamp();
    }

    /** Shortcut for {@code header().ssrc()}. */
    public long ssrc() {
        return header.ssrc();
    }

    /** Shortcut for {@code header().marker()}. */
    public boolean marker() {
        return header.marker();
    }

    /** Shortcut for {@code header().payloadType()}. */
    public int payloadType() {
        return header.payloadType();
    }

    private static Optional<RtpPacket> drop(@Nullable ParseStats stats, String reason) {
        if (stats != null) {
            stats.drop(reason);
        }
        return Optional.empty();
    }
}
