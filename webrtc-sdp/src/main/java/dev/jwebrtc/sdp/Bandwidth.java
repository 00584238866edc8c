package dev.jwebrtc.sdp;

import java.util.Objects;

/** A {@code b=<bwtype>:<bandwidth>} line (RFC 8866 §5.8), e.g. {@code AS:30} or {@code TIAS:64000}. */
public record Bandwidth(String type, long value) {
    public Bandwidth {
        Objects.requireNonNull(type, "type");
        if (value < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative: " + value);
        }
    }
}
