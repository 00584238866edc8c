package dev.jwebrtc.ice;

/** RFC 8445 §6.1.2.6 pair states, as W3C {@code RTCStatsIceCandidatePairState} reports them. */
public enum IceCandidatePairState {
    FROZEN,
    WAITING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
