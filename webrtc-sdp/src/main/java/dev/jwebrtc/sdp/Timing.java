package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;

/**
 * A {@code t=<start> <stop>} line (RFC 8866 §5.9) with its {@code r=} repeat lines kept verbatim.
 * WebRTC always uses {@code t=0 0}.
 */
public record Timing(long start, long stop, List<String> repeats) {
    /** {@code t=0 0}: an unbounded session (RFC 8829 §5.2.1). */
    public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

    public Timing {
        repeats = List.copyOf(repeats);
        for (String r : repeats) {
            Grammar.requireText(r, "r= line");
        }
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("t= times must not be negative");
        }
    }
}
