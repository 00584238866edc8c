package dev.jwebrtc.rtp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fixed RTP header fields (RFC 3550 §5.1) plus CSRCs and the optional header extension block. The version is
 * always 2; padding belongs to {@link RtpPacket}.
 *
 * @param marker the M bit
 * @param payloadType 0..127
 * @param sequenceNumber 0..65535
 * @param timestamp 0..2^32-1
 * @param ssrc 0..2^32-1
 * @param csrcs up to 15 contributing sources, each 0..2^32-1
 * @param extensions the header extension block, or null when the X bit is clear
 */
public record RtpHeader(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
        List<Long> csrcs, @Nullable RtpHeaderExtensions extensions) {

    /** RFC 3550 §5.1: the fixed header is 12 bytes. */
    public static final int FIXED_LENGTH = 12;

    public RtpHeader {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " outside 0..127");
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
        }
        checkU32("timestamp", timestamp);
        checkU32("ssrc", ssrc);
        csrcs = List.copyOf(csrcs);
        if (csrcs.size() > 15) {
            throw new IllegalArgumentException(csrcs.size() + " CSRCs, more than 15 (RFC 3550 §5.1)");
        }
        for (Long c : csrcs) {
            checkU32("csrc", c);
        }
    }

    /** A header without CSRCs or extensions. */
    public static RtpHeader of(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc) {
        return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null);
    }

    /** Bytes the header takes on the wire. */
    public int encodedLength() {
        return FIXED_LENGTH + 4 * csrcs.size() + (extensions == null ? 0 : extensions.encodedLength());
    }

    /** This header with another extension block. */
    public RtpHeader withExtensions(@Nullable RtpHeaderExtensions ext) {
        return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, ext);
    }

    /** This header with other stream identifiers (as an RTX sender or a forwarder rewrites them). */
    public RtpHeader withStream(int newPayloadType, int newSequenceNumber, long newTimestamp, long newSsrc) {
        return new RtpHeader(marker, newPayloadType, newSequenceNumber, newTimestamp, newSsrc, csrcs, extensions);
    }

    static void checkU32(String what, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + v + " is not an unsigned 32-bit value");
        }
    }
}
