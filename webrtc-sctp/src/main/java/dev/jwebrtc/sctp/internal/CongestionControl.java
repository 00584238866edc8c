package dev.jwebrtc.sctp.internal;

/**
 * RFC 9260 §7.2 congestion control for the single path: slow start, congestion avoidance, fast recovery and the
 * reaction to a retransmission timeout. Byte counts are DATA payload bytes.
 *
 * <p>One refinement: in slow start the window grows by up to two MTUs per acknowledgement (appropriate byte
 * counting with L = 2, RFC 3465 §2.2) instead of one, so delayed SACKs (one per two packets, RFC 9260 §6.2) still
 * double the window every round trip. At 20 ms RTT this halves the time to fill a 100 Mbit/s pipe.
 *
 * <p>A second one: slow start ends early when the round trip time grows (the delay test of HyStart++, RFC 9406
 * §4.2), before the bottleneck queue overflows. Without it, doubling into a one-BDP queue at 100 ms RTT loses about
 * a thousand packets in one window. Unlike RFC 9406 this goes straight to congestion avoidance (no conservative
 * slow start phase).
 */
public final class CongestionControl {
    private static final int SLOW_START_LIMIT_MTUS = 2;

    private final int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private boolean inFastRecovery;
    private long fastRecoveryExit;
    private long roundEndTsn = -1;
    private long lastRoundMinRtt = Long.MAX_VALUE;
    private long currentRoundMinRtt = Long.MAX_VALUE;
    private int roundSamples;
    private boolean hystartExited;

    public CongestionControl(int mtu, long peerReceiveWindow) {
        this.mtu = mtu;
        // RFC 9260 §7.2.1: initial cwnd = min(4*MTU, max(2*MTU, 4380)); initial ssthresh = the peer's rwnd.
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380));
        this.ssthresh = peerReceiveWindow;
    }

    public long cwnd() {
        return cwnd;
    }

    public long ssthresh() {
        return ssthresh;
    }

    public boolean inFastRecovery() {
        return inFastRecovery;
    }

    /**
     * RFC 9260 §7.2.1, §7.2.2: a SACK acknowledged {@code ackedBytes} new bytes.
     *
     * @param flightBefore bytes in flight before the SACK (for the "cwnd fully used" condition)
     */
    public void onAck(long ackedBytes, boolean cumulativeAdvanced, long flightBefore, long cumulativeTsn) {
        if (inFastRecovery && cumulativeTsn >= fastRecoveryExit) {
            inFastRecovery = false; // RFC 9260 §7.2.4: the exit point is acknowledged
        }
        if (!cumulativeAdvanced || inFastRecovery || ackedBytes == 0) {
            return;
        }
        boolean fullyUsed = flightBefore + mtu >= cwnd;
        if (cwnd <= ssthresh) {
            if (fullyUsed) {
                cwnd += Math.min(ackedBytes, (long) SLOW_START_LIMIT_MTUS * mtu);
            }
        } else {
            partialBytesAcked += ackedBytes;
            if (partialBytesAcked >= cwnd && fullyUsed) {
                partialBytesAcked -= cwnd;
                cwnd += mtu;
            }
        }
    }

    /** An RTT sample from a chunk sent once and now acknowledged (for HyStart++ only; the RTO uses Karn's rule). */
    public void onRttSample(long rttNanos) {
        if (cwnd <= ssthresh && rttNanos >= 0) {
            currentRoundMinRtt = Math.min(currentRoundMinRtt, rttNanos);
            roundSamples++;
        }
    }

    /** RFC 9406 §4.2: per-round minimum RTT; leaves slow start when it grew by more than RTT/8 (4..16 ms). */
    public void onRoundProgress(long cumulativeTsn, long highestSentTsn) {
        if (cwnd > ssthresh || hystartExited) {
            return;
        }
        if (roundEndTsn < 0 || cumulativeTsn >= roundEndTsn) {
            if (currentRoundMinRtt != Long.MAX_VALUE && roundSamples >= 8) {
                lastRoundMinRtt = currentRoundMinRtt;
            }
            currentRoundMinRtt = Long.MAX_VALUE;
            roundSamples = 0;
            roundEndTsn = highestSentTsn;
            return;
        }
        if (roundSamples >= 8 && lastRoundMinRtt != Long.MAX_VALUE) {
            long eta = Math.max(4_000_000L, Math.min(16_000_000L, lastRoundMinRtt / 8));
            if (currentRoundMinRtt >= lastRoundMinRtt + eta) {
                ssthresh = cwnd;
                hystartExited = true;
            }
        }
    }

    /** RFC 9260 §7.2.2: all outstanding data acknowledged. */
    public void onAllAcked() {
        partialBytesAcked = 0;
    }

    /** RFC 9260 §7.2.4: fast retransmit; enters fast recovery once per window. */
    public void onFastRetransmit(long highestOutstandingTsn) {
        if (inFastRecovery) {
            return;
        }
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = ssthresh;
        partialBytesAcked = 0;
        inFastRecovery = true;
        fastRecoveryExit = highestOutstandingTsn;
    }

    /** RFC 9260 §7.2.3: retransmission timeout. */
    public void onRetransmissionTimeout() {
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        inFastRecovery = false;
    }

    /** RFC 9260 §7.2.1: after an idle period of one RTO, restart from a small window. */
    public void onIdle() {
        cwnd = Math.max(cwnd / 2, Math.min(4L * mtu, Math.max(2L * mtu, 4380)));
    }
}
