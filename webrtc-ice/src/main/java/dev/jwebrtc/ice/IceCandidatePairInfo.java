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
 */
public record IceCandidatePairInfo(IceCandidate local, IceCandidate remote, IceCandidatePairState state,
        boolean nominated, long priority, boolean selected) {}
