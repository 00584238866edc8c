package dev.jwebrtc.sctp.internal;

/**
 * Retransmission timeout from round-trip measurements (RFC 9260 §6.3.1, the RFC 6298 algorithm with
 * alpha = 1/8, beta = 1/4), clamped to [min, max], with exponential back-off on timer expiry (§6.3.3 E2).
 */
public final class RtoEstimator {
    private final long minNanos;
    private final long maxNanos;
    private long srtt;
    private long rttvar;
    private long rto;
    private boolean measured;

    public RtoEstimator(long initialNanos, long minNanos, long maxNanos) {
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.rto = clamp(initialNanos);
    }

    /** RFC 9260 §6.3.1 C1-C3: feeds one RTT measurement. */
    public void measure(long rttNanos) {
        if (rttNanos < 0) {
            return;
        }
        if (!measured) {
            srtt = rttNanos;
            rttvar = rttNanos / 2;
            measured = true;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rttNanos)) / 4;
            srtt = (7 * srtt + rttNanos) / 8;
        }
        // RFC 9260 §6.3.1 C3 / G1: a zero variance is raised to the clock granularity (1 ms here).
        rto = clamp(srtt + Math.max(4 * rttvar, 1_000_000L));
    }

    /** RFC 9260 §6.3.3 E2: doubles the RTO after a timer expiry. */
    public void backOff() {
        rto = clamp(rto * 2);
    }

    public long rtoNanos() {
        return rto;
    }

    /** Smoothed RTT, or 0 before the first measurement. */
    public long srttNanos() {
        return srtt;
    }

    private long clamp(long value) {
        return Math.max(minNanos, Math.min(maxNanos, value));
    }
}
