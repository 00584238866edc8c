package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;

/**
 * Rewrites forwarded RTP packets into one outgoing stream (as a reflector or SFU does): a new SSRC and optionally a
 * new payload type, sequence numbers and timestamps shifted so the outgoing stream starts where the caller says and
 * stays continuous when the source changes ({@link #switchSource}). Gaps and reordering in the source are kept
 * (RFC 3550 §7.2: a translator may change SSRC, sequence numbers and timestamps consistently). One thread.
 */
public final class RtpStreamRewriter {
    private final long ssrc;
    private final int payloadType;
    private int nextSequence;
    private long nextTimestamp;
    private boolean rebase = true;
    private int seqOffset;
    private long tsOffset;
    private int lastOutSequence = -1;
    private long lastOutTimestamp;
    private long mappedTimestamp;

    /**
     * @param ssrc the outgoing SSRC
     * @param payloadType the outgoing payload type, or -1 to keep the incoming one
     * @param initialSequenceNumber the first outgoing sequence number
     * @param initialTimestamp the first outgoing RTP timestamp
     */
    public RtpStreamRewriter(long ssrc, int payloadType, int initialSequenceNumber, long initialTimestamp) {
        RtpHeader.of(false, Math.max(payloadType, 0), initialSequenceNumber, initialTimestamp, ssrc); // validates
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.nextSequence = initialSequenceNumber;
        this.nextTimestamp = initialTimestamp;
    }

    /** The packet with rewritten SSRC, payload type, sequence number and timestamp (payload shared, not copied). */
    public RtpPacket rewrite(RtpPacket in) {
        int seq = map(in.sequenceNumber(), in.timestamp());
        int pt = payloadType < 0 ? in.payloadType() : payloadType;
        return in.withHeader(in.header().withStream(pt, seq, mappedTimestamp, ssrc));
    }

    /**
     * Rewrites the RTP packet in {@code [position, limit)} of {@code packet} in place, exactly as {@link #rewrite}
     * would: payload type, sequence number, timestamp and SSRC change; the marker bit, CSRCs, header extensions,
     * payload and padding stay. Allocates nothing, so a forwarder can go from SRTP unprotect to protect in one
     * buffer. The buffer's position and limit do not move.
     *
     * @return false, with nothing changed, when the buffer holds no RTP version 2 fixed header
     */
    public boolean rewriteInPlace(ByteBuffer packet) {
        int at = packet.position();
        if (packet.remaining() < RtpHeader.FIXED_LENGTH || (packet.get(at) & 0xC0) != 0x80) {
            return false;
        }
        int b1 = packet.get(at + 1) & 0xFF;
        int seq = map(Bytes.u16(packet, at + 2), Bytes.u32(packet, at + 4));
        int pt = payloadType < 0 ? b1 & 0x7F : payloadType;
        // RFC 3550 §5.1: M and PT share the second octet; sequence number, timestamp and SSRC follow, big-endian
        packet.put(at + 1, (byte) ((b1 & 0x80) | pt));
        packet.put(at + 2, (byte) (seq >>> 8));
        packet.put(at + 3, (byte) seq);
        putU32(packet, at + 4, mappedTimestamp);
        putU32(packet, at + 8, ssrc);
        return true;
    }

    /** Maps an incoming sequence number and timestamp; returns the sequence number, leaves the timestamp. */
    private int map(int inSequence, long inTimestamp) {
        if (rebase) {
            seqOffset = (nextSequence - inSequence) & 0xFFFF;
            tsOffset = (nextTimestamp - inTimestamp) & 0xFFFF_FFFFL;
            rebase = false;
        }
        int seq = (inSequence + seqOffset) & 0xFFFF;
        long ts = (inTimestamp + tsOffset) & 0xFFFF_FFFFL;
        if (lastOutSequence < 0 || (short) (seq - lastOutSequence) > 0) {
            lastOutSequence = seq;
            lastOutTimestamp = ts;
        }
        mappedTimestamp = ts;
        return seq;
    }

    private static void putU32(ByteBuffer b, int at, long v) {
        b.put(at, (byte) (v >>> 24));
        b.put(at + 1, (byte) (v >>> 16));
        b.put(at + 2, (byte) (v >>> 8));
        b.put(at + 3, (byte) v);
    }

    /**
     * The next packet comes from another source (a new sender, a simulcast layer switch): it will continue right
     * after the last packet sent, its timestamp {@code timestampGap} units after the last one.
     */
    public void switchSource(long timestampGap) {
        if (lastOutSequence >= 0) {
            nextSequence = (lastOutSequence + 1) & 0xFFFF;
            nextTimestamp = (lastOutTimestamp + timestampGap) & 0xFFFF_FFFFL;
        }
        rebase = true;
    }
}
