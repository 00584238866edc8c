package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.Grammar;

/** A {@code b=<bwtype>:<bandwidth>} line (RFC 8866 §5.8), e.g. {@code AS:30} or {@code TIAS:64000}. */
public record Bandwidth(String type, long value) {
    public Bandwidth {
        Grammar.requireToken(type, "b= bwtype");
        if (value < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative: " + value);
        }
    }
}
