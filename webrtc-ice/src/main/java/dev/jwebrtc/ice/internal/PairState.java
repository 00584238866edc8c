package dev.jwebrtc.ice.internal;

/** RFC 8445 §6.1.2.6: the states of a candidate pair. */
public enum PairState {
    FROZEN,
    WAITING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
