package dev.jwebrtc.sctp.dcep;

import java.util.Optional;

/** DATA_CHANNEL_OPEN channel types (RFC 8832 §5.1, §8.2.2). */
public enum ChannelType {
    RELIABLE(0x00),
    RELIABLE_UNORDERED(0x80),
    PARTIAL_RELIABLE_REXMIT(0x01),
    PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
    PARTIAL_RELIABLE_TIMED(0x02),
    PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

    private final int code;

    ChannelType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean unordered() {
        return (code & 0x80) != 0;
    }

    /** The type with this wire code. */
    public static Optional<ChannelType> of(int code) {
        for (ChannelType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type for W3C-style options: ordered, and at most one of max retransmits / max packet lifetime. */
    public static ChannelType of(boolean ordered, boolean maxRetransmitsSet, boolean lifetimeSet) {
        if (maxRetransmitsSet) {
            return ordered ? PARTIAL_RELIABLE_REXMIT : PARTIAL_RELIABLE_REXMIT_UNORDERED;
        }
        if (lifetimeSet) {
            return ordered ? PARTIAL_RELIABLE_TIMED : PARTIAL_RELIABLE_TIMED_UNORDERED;
        }
        return ordered ? RELIABLE : RELIABLE_UNORDERED;
    }
}
