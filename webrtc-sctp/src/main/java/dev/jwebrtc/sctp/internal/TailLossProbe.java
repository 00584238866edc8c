package dev.jwebrtc.sctp.internal;

/**
 * The tail loss probe timer of RFC 8985 §7, for the one path of an association. A lost packet at the end of a burst
 * has no later packet whose SACK could reveal the gap, so without a probe only T3-rtx (at least the minimum RTO)
 * recovers it. The probe timeout (PTO) is two smoothed RTTs, plus the peer's worst-case delayed SACK when a single
 * packet is in flight whose DATA did not ask for an immediate SACK (RFC 7053 I bit); it is never armed past T3-rtx.
 * One probe per tail: the next is armed only after a SACK.
 */
final class TailLossProbe {
    /** RFC 8985 §7.2: WCDelAckT, the longest a peer may delay its SACK (RFC 9260 §6.2 allows up to 500 ms). */
    private static final long WORST_CASE_DELAYED_SACK = 200_000_000L;
    /** The clock granularity assumed by the RTO (RFC 9260 §6.3.1 G1). */
    private static final long GRANULARITY = 1_000_000L;

    private final Timer timer = new Timer();
    private boolean probing;
    private long probes;

    long deadline() {
        return timer.deadline();
    }

    long probes() {
        return probes;
    }

    /** RFC 8985 §7.2: (re)arms after new data went out or a SACK came in, while data is in flight. */
    void schedule(long nowNanos, long srttNanos, boolean singlePacket, boolean immediateSackAsked, long t3Deadline) {
        if (srttNanos == 0 || probing) {
            timer.stop();
            return;
        }
        long pto = Math.max(2 * srttNanos, GRANULARITY);
        if (singlePacket && !immediateSackAsked) {
            pto += WORST_CASE_DELAYED_SACK;
        }
        if (nowNanos + pto >= t3Deadline) {
            timer.stop(); // T3-rtx fires first anyway
            return;
        }
        timer.start(nowNanos, pto);
    }

    void stop() {
        timer.stop();
    }

    /** A SACK arrived: the tail is answered, a later tail may be probed again. */
    void onSack() {
        probing = false;
    }

    /** True once when the probe is due; no other probe until the next SACK. */
    boolean expire(long nowNanos) {
        if (!timer.expire(nowNanos)) {
            return false;
        }
        probing = true;
        probes++;
        return true;
    }
}
