package dev.jwebrtc.rtp;

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
        if (rebase) {
            seqOffset = (nextSequence - in.sequenceNumber()) & 0xFFFF;
            tsOffset = (nextTimestamp - in.timestamp()) & 0xFFFF_FFFFL;
            rebase = false;
        }
        int seq = (in.sequenceNumber() + seqOffset) & 0xFFFF;
        long ts = (in.timestamp() + tsOffset) & 0xFFFF_FFFFL;
        if (lastOutSequence < 0 || (short) (seq - lastOutSequence) > 0) {
            lastOutSequence = seq;
            lastOutTimestamp = ts;
        }
        int pt = payloadType < 0 ? in.payloadType() : payloadType;
        return in.withHeader(in.header().withStream(pt, seq, ts, ssrc));
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
