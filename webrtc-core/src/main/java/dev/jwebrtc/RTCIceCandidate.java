package dev.jwebrtc;

import org.jspecify.annotations.Nullable;

/**
 * W3C {@code RTCIceCandidateInit}: one trickled candidate line, with the media section it belongs to.
 * An empty {@code candidate} string signals the end of candidates for that section (W3C §4.8.1).
 *
 * @param candidate the {@code candidate:...} attribute value, with or without the {@code a=} prefix; empty for end of candidates
 * @param sdpMid the media section's mid, or {@code null} if {@code sdpMLineIndex} identifies it
 * @param sdpMLineIndex the media section's index, or {@code null} if {@code sdpMid} identifies it
 * @param usernameFragment the ICE ufrag the candidate belongs to, or {@code null} for the current one
 */
public record RTCIceCandidate(
        String candidate, @Nullable String sdpMid, @Nullable Integer sdpMLineIndex, @Nullable String usernameFragment) {

    public RTCIceCandidate {
        if (candidate == null) {
            throw RTCException.typeError("candidate must not be null (use \"\" for end of candidates)");
        }
        if (sdpMLineIndex != null && (sdpMLineIndex < 0 || sdpMLineIndex > 65535)) {
            throw RTCException.typeError("sdpMLineIndex out of range: " + sdpMLineIndex);
        }
    }

    public RTCIceCandidate(String candidate, @Nullable String sdpMid, @Nullable Integer sdpMLineIndex) {
        this(candidate, sdpMid, sdpMLineIndex, null);
    }

    /** The end-of-candidates marker for a media section. */
    public static RTCIceCandidate endOfCandidates(@Nullable String sdpMid, @Nullable Integer sdpMLineIndex) {
        return new RTCIceCandidate("", sdpMid, sdpMLineIndex, null);
    }

    /** Whether this marks the end of candidates rather than carrying one. */
    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }
}
