package dev.jwebrtc.sctp.internal;

/**
 * RFC 9260 §7.2 congestion control for the single path: slow start, congestion avoidance, fast recovery and the
 * reaction to a retransmission timeout. Byte counts are DATA payload bytes.
 *
 * <p>One refinement: in slow start the window grows by up to two MTUs per acknowledgement (appropriate byte
 * counting with L = 2, RFC 3465 §2.2) instead of one, so delayed SACKs (one per two packets, RFC 9260 §6.2) still
 * double the window every round trip. At 20 ms RTT this halves the time to fill a 100 Mbit/s pipe.
 */
public final class CongestionControl {
    private static final int SLOW_START_LIMIT_MTUS = 2;

    private final int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private boolean inFastRecovery;
    private long fastRecoveryExit;

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
