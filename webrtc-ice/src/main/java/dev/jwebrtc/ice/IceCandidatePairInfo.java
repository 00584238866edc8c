package dev.jwebrtc.ice;

/**
 * A snapshot of one candidate pair of the checklist, for statistics (W3C {@code RTCIceCandidatePairStats}).
 *
 * @param local the local candidate
 * @param remote the remote candidate
 * @param state the pair state
 * @param nominated whether the pair was nominated
 * @param priority the pair priority (RFC 8445 §6.1.2.3)
 * @param selected whether it carries data now
 * @param responsesReceived successful responses to checks and consent requests sent on it
 * @param currentRttNanos the latest round trip of a check or consent request (Karn's rule), or -1 before one
 * @param totalRttNanos the sum of the round-trip samples
 * @param rttSamples how many samples {@code totalRttNanos} sums
 */
public record IceCandidatePairInfo(IceCandidate local, IceCandidate remote, IceCandidatePairState state,
        boolean nominated, long priority, boolean selected, long responsesReceived, long currentRttNanos,
        long totalRttNanos, long rttSamples) {

    /** Without round-trip figures (none measured yet). */
    public IceCandidatePairInfo(IceCandidate local, IceCandidate remote, IceCandidatePairState state,
            boolean nominated, long priority, boolean selected) {
        this(local, remote, state, nominated, priority, selected, 0, -1, 0, 0);
    }
}
