package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.rtcp.ReportBlock;

/**
 * Reception statistics of one remote source (RFC 3550 Appendix A): sequence number tracking with cycle counting
 * (§A.1, without probation), loss (§A.3) and interarrival jitter (§A.8), turned into a report block.
 */
final class ReceiveStatistics {
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private final long ssrc;
    private final int clockRate;
    private boolean initialized;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq = SEQ_MOD + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long bytes;
    private long lastTransit;
    private boolean haveTransit;
    private double jitter; // RTP timestamp units

    ReceiveStatistics(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    void update(long nowNanos, int seq, long rtpTimestamp, int payloadBytes) {
        if (!initialized) {
            initSeq(seq);
            initialized = true;
        } else {
            int udelta = (seq - maxSeq) & 0xFFFF;
            if (udelta < MAX_DROPOUT) {
                if (seq < maxSeq) { // RFC 3550 §A.1: wrapped, count another cycle
                    cycles += SEQ_MOD;
                }
                maxSeq = seq;
                updateJitter(nowNanos, rtpTimestamp);
            } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
                if (seq != badSeq) { // a big jump: believe it only when the next packet follows it
                    badSeq = (seq + 1) & 0xFFFF;
                    return;
                }
                initSeq(seq); // the source restarted
            }
            // else: duplicate or reordered, counted below
        }
        received++;
        bytes += payloadBytes;
    }

    private void initSeq(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
        haveTransit = false;
    }

    // RFC 3550 §A.8: J += (|D| - J) / 16 with transit times in RTP units
    private void updateJitter(long nowNanos, long rtpTimestamp) {
        long arrival = Math.floorDiv(nowNanos, 1000L) * clockRate / 1_000_000L;
        long transit = (int) (arrival - rtpTimestamp); // modulo 2^32, signed
        if (haveTransit) {
            long d = Math.abs((int) (transit - lastTransit));
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    long extendedHighest() {
        return cycles + maxSeq;
    }

    long expected() {
        return initialized ? extendedHighest() - baseSeq + 1 : 0;
    }

    long cumulativeLost() {
        return expected() - received;
    }

    long packetsReceived() {
        return received;
    }

    long bytesReceived() {
        return bytes;
    }

    double jitterSeconds() {
        return jitter / clockRate;
    }

    /** A report block for this source; advances the "prior" counters (RFC 3550 §A.3). */
    ReportBlock reportBlock(long lsr, long dlsr) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost()));
        return new ReportBlock(ssrc, Math.min(fraction, 255), (int) lost, extendedHighest() & 0xFFFF_FFFFL,
                (long) jitter & 0xFFFF_FFFFL, lsr, dlsr);
    }
}
