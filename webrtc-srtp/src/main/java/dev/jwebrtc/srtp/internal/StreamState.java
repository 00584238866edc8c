package dev.jwebrtc.srtp.internal;

import org.jspecify.annotations.Nullable;

/**
 * What one context knows about one SSRC: the send-side index of SRTP and SRTCP, and the receive-side replay windows
 * (whose highest index is also the receiver's rollover state, RFC 3711 §3.3.1). Parts are created on first use.
 */
public final class StreamState {

    /** The largest SRTCP index (31 bits, RFC 3711 §3.4). */
    public static final int MAX_SRTCP_INDEX = 0x7fffffff;

    private final int ssrc;
    private long rtpSendHighest = -1;
    private long rtcpSendNext;
    private @Nullable ReplayWindow rtpReceive;
    private @Nullable ReplayWindow rtcpReceive;

    /** @param ssrc the stream's SSRC */
    public StreamState(int ssrc) {
        this.ssrc = ssrc;
    }

    /** The SSRC. */
    public int ssrc() {
        return ssrc;
    }

    /**
     * The index to protect the RTP packet with {@code seq} under. The sender estimates like a receiver (RFC 3711
     * §3.3.1), so a packet sent slightly out of order keeps its rollover counter; the highest index moves forward.
     */
    public long nextRtpSendIndex(int seq) {
        long index = rtpSendHighest < 0 ? seq : RtpIndex.estimate(rtpSendHighest, seq);
        if (index > rtpSendHighest) {
            rtpSendHighest = index;
        }
        return index;
    }

    /** Forces the sender's rollover counter, as when joining a stream mid-way (RFC 3711 §3.3.1). */
    public void setRtpSendRoc(long roc, int seq) {
        rtpSendHighest = (roc << 16) | (seq & 0xffff);
    }

    /**
     * The SRTCP index for the next RTCP packet, counting up from 0 (RFC 3711 §3.3.1).
     *
     * @throws IllegalStateException after 2^31 packets: RFC 3711 §9.2 requires a new master key before
     */
    public int nextRtcpSendIndex() {
        if (rtcpSendNext > MAX_SRTCP_INDEX) {
            throw new IllegalStateException("SRTCP index exhausted for SSRC " + Integer.toUnsignedString(ssrc)
                    + ": 2^31 packets sent under one master key; re-key (DTLS renegotiation) first");
        }
        return (int) rtcpSendNext++;
    }

    /** Sets the next SRTCP index to send (tests, and re-keying continuity). */
    public void setNextRtcpSendIndex(int index) {
        rtcpSendNext = index & 0xffffffffL;
    }

    /** The RTP receive window, or null before the first authenticated packet. */
    public @Nullable ReplayWindow rtpReceive() {
        return rtpReceive;
    }

    /** The RTCP receive window, or null before the first authenticated packet. */
    public @Nullable ReplayWindow rtcpReceive() {
        return rtcpReceive;
    }

    /** The RTP receive window, created with {@code size} if absent. */
    public ReplayWindow rtpReceive(int size) {
        if (rtpReceive == null) {
            rtpReceive = new ReplayWindow(size);
        }
        return rtpReceive;
    }

    /** The RTCP receive window, created with {@code size} if absent. */
    public ReplayWindow rtcpReceive(int size) {
        if (rtcpReceive == null) {
            rtcpReceive = new ReplayWindow(size);
        }
        return rtcpReceive;
    }
}
