package dev.jwebrtc.rtp.rtcp;

/** Packet status symbols of transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.1). */
public enum StatusSymbol {
    /** 00: not received. */
    NOT_RECEIVED,
    /** 01: received, delta in one unsigned byte. */
    SMALL_DELTA,
    /** 10: received, delta in two signed bytes. */
    LARGE_DELTA,
    /** 11: reserved. */
    RESERVED;

    static final StatusSymbol[] VALUES = values();

    /** Whether a receive delta follows for this symbol. */
    public boolean hasDelta() {
        return this == SMALL_DELTA || this == LARGE_DELTA;
    }
}
