package dev.jwebrtc.testkit;

import java.util.random.RandomGenerator;

/**
 * One direction of an emulated link: decides, for each packet offered at a given time, whether and when it
 * arrives. Pure scheduling: it holds no packets, only the state that the schedule depends on (the rate
 * limiter's busy time, the last arrival for FIFO order, the burst-loss state).
 *
 * <p>All randomness comes from the injected generator, so a link built from the same configuration and
 * seed gives the same schedule for the same sequence of offers. See {@link NetemConfig} for the stages.
 */
public final class Netem {

    private static final long[] NONE = new long[0];

    private final NetemConfig config;
    private final RandomGenerator random;

    private boolean burstBad;
    private long busyUntilNanos = Long.MIN_VALUE;
    private long lastArrivalNanos = Long.MIN_VALUE;

    private long offered;
    private long delivered;
    private long lost;
    private long queueDropped;
    private long mtuDropped;
    private long duplicated;
    private long reordered;

    public Netem(NetemConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    public NetemConfig config() {
        return config;
    }

    /**
     * Offers a packet of {@code sizeBytes} at {@code nowNanos} and returns its arrival times: empty when the
     * packet is dropped, two entries when it is duplicated. Offers must come in non-decreasing time order.
     */
    public long[] schedule(long nowNanos, int sizeBytes) {
        offered++;
        if (config.mtu() > 0 && sizeBytes > config.mtu()) {
            mtuDropped++;
            return NONE;
        }
        if (isLost()) {
            lost++;
            return NONE;
        }
        long departure = nowNanos;
        if (config.rateBitsPerSecond() > 0) {
            // Bytes still waiting to be serialized are what the queue holds: tail drop when the new one does not fit.
            long backlogBytes = busyUntilNanos <= nowNanos ? 0
                    : mulDiv(busyUntilNanos - nowNanos, config.rateBitsPerSecond(), 8_000_000_000L);
            if (backlogBytes + sizeBytes > config.queueBytes()) {
                queueDropped++;
                return NONE;
            }
            long start = Math.max(nowNanos, busyUntilNanos);
            busyUntilNanos = start + mulDiv(sizeBytes, 8_000_000_000L, config.rateBitsPerSecond());
            departure = busyUntilNanos;
        }
        long delay = config.latencyNanos();
        if (config.jitterNanos() > 0) {
            delay += random.nextLong(-config.jitterNanos(), config.jitterNanos() + 1);
        }
        long arrival = departure + Math.max(0, delay);
        if (config.reorder() > 0 && random.nextDouble() < config.reorder()) {
            reordered++;
            arrival += config.reorderDelayNanos();
        } else {
            // A single path keeps order: jitter alone never lets a packet overtake an earlier one.
            arrival = Math.max(arrival, lastArrivalNanos);
            lastArrivalNanos = arrival;
        }
        delivered++;
        if (config.duplicate() > 0 && random.nextDouble() < config.duplicate()) {
            duplicated++;
            delivered++;
            return new long[] {arrival, arrival};
        }
        return new long[] {arrival};
    }

    private boolean isLost() {
        GilbertElliott ge = config.burstLoss();
        if (ge != null) {
            burstBad = burstBad ? random.nextDouble() >= ge.r() : random.nextDouble() < ge.p();
            double p = burstBad ? ge.lossBad() : ge.lossGood();
            if (p > 0 && random.nextDouble() < p) {
                return true;
            }
        }
        return config.loss() > 0 && random.nextDouble() < config.loss();
    }

    /** {@code a * b / c} without overflow for the magnitudes a link sees (nanoseconds, bits, bytes). */
    private static long mulDiv(long a, long b, long c) {
        return Math.multiplyHigh(a, b) == 0 && a * b >= 0 ? a * b / c
                : java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                        .divide(java.math.BigInteger.valueOf(c)).longValueExact();
    }

    public NetemStats stats() {
        return new NetemStats(offered, delivered, lost, queueDropped, mtuDropped, duplicated, reordered);
    }

    @Override
    public String toString() {
        return "Netem" + stats();
    }
}
