package dev.jwebrtc.srtp;

/**
 * Outcome of unprotecting one SRTP or SRTCP packet. Only {@link #OK} delivers a packet; every other value means the
 * packet was dropped, counted in {@link SrtpStats} and left unchanged.
 */
public enum SrtpResult {
    /** Authenticated, not replayed, decrypted. */
    OK,
    /** The authentication tag did not match (tampered, wrong key, or a wrong rollover-counter guess). */
    AUTH_FAILED,
    /** This packet index was already received inside the replay window (RFC 3711 §3.3.2). */
    REPLAYED,
    /** The packet index is older than the replay window covers, so a replay cannot be ruled out. */
    TOO_OLD,
    /** Shorter than its headers plus the authentication tag (and the SRTCP index word). */
    TOO_SHORT,
    /** Not an RTP/RTCP version 2 packet. */
    MALFORMED,
    /** A new SSRC arrived while the context already tracks {@link SrtpOptions#maxStreams()} streams. */
    UNKNOWN_SSRC;

    /** Whether the packet was accepted. */
    public boolean isOk() {
        return this == OK;
    }
}
