package dev.jwebrtc.srtp;

/**
 * Counters of one {@link SrtpContext} since it was created. Every dropped packet is counted under its reason.
 *
 * @param rtpProtected    SRTP packets produced
 * @param rtcpProtected   SRTCP packets produced
 * @param rtpUnprotected  SRTP packets accepted
 * @param rtcpUnprotected SRTCP packets accepted
 * @param authFailed      packets dropped as {@link SrtpResult#AUTH_FAILED}
 * @param replayed        packets dropped as {@link SrtpResult#REPLAYED}
 * @param tooOld          packets dropped as {@link SrtpResult#TOO_OLD}
 * @param tooShort        packets dropped as {@link SrtpResult#TOO_SHORT}
 * @param malformed       packets dropped as {@link SrtpResult#MALFORMED}
 * @param unknownSsrc     packets dropped as {@link SrtpResult#UNKNOWN_SSRC}
 */
public record SrtpStats(
        long rtpProtected,
        long rtcpProtected,
        long rtpUnprotected,
        long rtcpUnprotected,
        long authFailed,
        long replayed,
        long tooOld,
        long tooShort,
        long malformed,
        long unknownSsrc) {

    /** All packets dropped by unprotect, whatever the reason. */
    public long dropped() {
        return authFailed + replayed + tooOld + tooShort + malformed + unknownSsrc;
    }
}
