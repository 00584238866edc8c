package dev.jwebrtc.srtp;

/**
 * Non-cryptographic knobs of an {@link SrtpContext}.
 *
 * @param rtpReplayWindow  packets behind the highest SRTP index that are still accepted once (RFC 3711 §3.3.2:
 *                         at least 64); video receivers that see deep reordering may want 512 or more
 * @param rtcpReplayWindow the same for SRTCP indices
 * @param maxStreams       how many SSRCs (sent and received together) one context tracks; a packet of a new SSRC
 *                         beyond this is dropped as {@link SrtpResult#UNKNOWN_SSRC}
 */
public record SrtpOptions(int rtpReplayWindow, int rtcpReplayWindow, int maxStreams) {

    /** Smallest replay window accepted (RFC 3711 §3.3.2: "SHOULD be at least 64"). */
    public static final int MIN_REPLAY_WINDOW = 64;
    /**
     * Largest replay window accepted: half the sequence-number space, beyond which the index estimate of RFC 3711
     * Appendix A already reads a packet as belonging to the previous rollover.
     */
    public static final int MAX_REPLAY_WINDOW = 1 << 15;

    /** 64 packets for SRTP, 128 for SRTCP (as libsrtp), 1024 streams. */
    public static final SrtpOptions DEFAULT = new SrtpOptions(64, 128, 1024);

    /** Validates the ranges; throws {@link IllegalArgumentException} naming the field. */
    public SrtpOptions {
        checkWindow("rtpReplayWindow", rtpReplayWindow);
        checkWindow("rtcpReplayWindow", rtcpReplayWindow);
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be at least 1, was " + maxStreams);
        }
    }

    /** A copy with another SRTP replay window. */
    public SrtpOptions withRtpReplayWindow(int packets) {
        return new SrtpOptions(packets, rtcpReplayWindow, maxStreams);
    }

    /** A copy with another SRTCP replay window. */
    public SrtpOptions withRtcpReplayWindow(int packets) {
        return new SrtpOptions(rtpReplayWindow, packets, maxStreams);
    }

    /** A copy with another stream limit. */
    public SrtpOptions withMaxStreams(int streams) {
        return new SrtpOptions(rtpReplayWindow, rtcpReplayWindow, streams);
    }

    private static void checkWindow(String name, int value) {
        if (value < MIN_REPLAY_WINDOW || value > MAX_REPLAY_WINDOW) {
            throw new IllegalArgumentException(name + " must be in [" + MIN_REPLAY_WINDOW + ", " + MAX_REPLAY_WINDOW
                    + "], was " + value);
        }
    }
}
