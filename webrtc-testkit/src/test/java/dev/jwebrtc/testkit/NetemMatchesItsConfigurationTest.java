package dev.jwebrtc.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetemMatchesItsConfigurationTest {

    private static final int PACKETS = 200_000;
    private static final long MS = 1_000_000L;

    /** Offers {@code count} packets, one every {@code spacingNanos}, and returns each one's arrival times. */
    private static List<long[]> run(Netem netem, int count, long spacingNanos, int size) {
        List<long[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(netem.schedule(i * spacingNanos, size));
        }
        return out;
    }

    @Test
    void randomLossRateIsWithinOnePercentOfConfigured(TestSeed seed) {
        Netem netem = new Netem(NetemConfig.builder().loss(0.10).build(), new SplittableRandom(seed.value()));
        long lost = run(netem, PACKETS, MS, 100).stream().filter(a -> a.length == 0).count();
        assertEquals(0.10, (double) lost / PACKETS, 0.01);
        assertEquals(lost, netem.stats().lost());
        assertEquals(PACKETS - lost, netem.stats().delivered());
    }

    @Test
    void gilbertElliottGivesItsMeanLossInBursts(TestSeed seed) {
        GilbertElliott model = GilbertElliott.gilbert(0.01, 0.25);
        Netem netem = new Netem(NetemConfig.builder().burstLoss(model).build(), new SplittableRandom(seed.value()));
        List<long[]> arrivals = run(netem, PACKETS, MS, 100);

        long lost = 0;
        long bursts = 0;
        boolean inBurst = false;
        for (long[] a : arrivals) {
            boolean isLost = a.length == 0;
            if (isLost) {
                lost++;
                if (!inBurst) {
                    bursts++;
                }
            }
            inBurst = isLost;
        }
        double meanLoss = (double) lost / PACKETS;
        double meanBurst = (double) lost / bursts;
        assertEquals(model.meanLoss(), meanLoss, model.meanLoss() * 0.15, "mean loss");
        assertEquals(model.meanBurstLength(), meanBurst, model.meanBurstLength() * 0.15, "mean burst length");
        // Bursty loss is what makes it different from random loss at the same rate.
        assertTrue(meanBurst > 2.5, "bursts of " + meanBurst + " packets");
    }

    @Test
    void delayStaysWithinLatencyPlusMinusJitterAndAveragesToLatency(TestSeed seed) {
        Netem netem = new Netem(NetemConfig.builder().latency(Duration.ofMillis(40)).jitter(Duration.ofMillis(5)).build(),
                new SplittableRandom(seed.value()));
        // Packets 20 ms apart: more than twice the jitter, so the FIFO rule never stretches a delay.
        long spacing = 20 * MS;
        List<long[]> arrivals = run(netem, 50_000, spacing, 100);
        double sum = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            long delay = arrivals.get(i)[0] - i * spacing;
            assertTrue(delay >= 35 * MS && delay <= 45 * MS, "delay " + delay);
            sum += delay;
        }
        assertEquals(40.0 * MS, sum / arrivals.size(), 0.1 * MS);
    }

    @Test
    void jitterAloneNeverReordersPackets(TestSeed seed) {
        Netem netem = new Netem(NetemConfig.builder().latency(Duration.ofMillis(20)).jitter(Duration.ofMillis(15)).build(),
                new SplittableRandom(seed.value()));
        long last = Long.MIN_VALUE;
        for (long[] a : run(netem, 50_000, MS, 100)) {
            assertTrue(a[0] >= last, "a packet overtook an earlier one");
            last = a[0];
        }
        assertEquals(0, netem.stats().reordered());
    }

    @Test
    void reorderedPacketsAreOvertakenAtTheConfiguredRate(TestSeed seed) {
        Netem netem = new Netem(NetemConfig.builder().latency(Duration.ofMillis(10))
                .reorder(0.05, Duration.ofMillis(5)).build(), new SplittableRandom(seed.value()));
        List<long[]> arrivals = run(netem, PACKETS, MS, 100);
        long overtaken = 0;
        for (int i = 0; i + 1 < arrivals.size(); i++) {
            if (arrivals.get(i + 1)[0] < arrivals.get(i)[0]) {
                overtaken++;
            }
        }
        assertEquals(0.05, (double) netem.stats().reordered() / PACKETS, 0.005);
        // Held back by 5 ms with 1 ms spacing: the next packet always overtakes a held-back one.
        assertTrue(overtaken >= netem.stats().reordered() * 0.9, overtaken + " overtaken");
    }

    @Test
    void duplicatesArriveTwiceAtTheConfiguredRate(TestSeed seed) {
        Netem netem = new Netem(NetemConfig.builder().duplicate(0.03).build(), new SplittableRandom(seed.value()));
        long doubled = run(netem, PACKETS, MS, 100).stream().filter(a -> a.length == 2).count();
        assertEquals(0.03, (double) doubled / PACKETS, 0.005);
        assertEquals(doubled, netem.stats().duplicated());
        assertEquals(PACKETS + doubled, netem.stats().delivered());
    }

    @Test
    void rateLimitCapsThroughputAndTailDropsTheExcess() {
        long rate = 1_000_000; // 1 Mbit/s
        int queue = 20_000;
        Netem netem = new Netem(NetemConfig.builder().rate(rate, queue).build(), new SplittableRandom(1));
        // Offer 2 Mbit/s: 1000-byte packets every 4 ms, for 20 s.
        int count = 5_000;
        List<long[]> arrivals = run(netem, count, 4 * MS, 1000);
        long deliveredBytes = 0;
        long lastArrival = 0;
        long maxQueueDelay = 0;
        for (int i = 0; i < count; i++) {
            long[] a = arrivals.get(i);
            if (a.length > 0) {
                deliveredBytes += 1000;
                lastArrival = a[0];
                maxQueueDelay = Math.max(maxQueueDelay, a[0] - i * 4 * MS);
            }
        }
        double achieved = deliveredBytes * 8 / (lastArrival / 1e9);
        assertEquals(rate, achieved, rate * 0.02, "throughput");
        assertEquals(0.5, (double) netem.stats().queueDropped() / count, 0.02, "half the offered load is dropped");
        // A full queue of 20 kB at 1 Mbit/s drains in 160 ms, plus one packet's own serialization (8 ms).
        assertTrue(maxQueueDelay <= 168 * MS + MS, "queueing delay " + maxQueueDelay / MS + " ms");
        assertTrue(maxQueueDelay >= 150 * MS, "the queue did fill: " + maxQueueDelay / MS + " ms");
    }

    @Test
    void packetsLargerThanTheMtuAreDropped() {
        Netem netem = new Netem(NetemConfig.builder().mtu(1200).build(), new SplittableRandom(1));
        assertEquals(1, netem.schedule(0, 1200).length);
        assertEquals(0, netem.schedule(0, 1201).length);
        assertEquals(1, netem.stats().mtuDropped());
    }

    @Test
    void sameSeedGivesTheSameScheduleAndAnotherSeedDoesNot() {
        NetemConfig config = NetemConfig.builder().latency(Duration.ofMillis(30)).jitter(Duration.ofMillis(10))
                .loss(0.05).burstLoss(GilbertElliott.gilbert(0.02, 0.3)).duplicate(0.01)
                .reorder(0.02, Duration.ofMillis(7)).rate(5_000_000, 30_000).build();
        long[] first = flatten(run(new Netem(config, new SplittableRandom(42)), 20_000, MS / 2, 500));
        long[] again = flatten(run(new Netem(config, new SplittableRandom(42)), 20_000, MS / 2, 500));
        long[] other = flatten(run(new Netem(config, new SplittableRandom(43)), 20_000, MS / 2, 500));
        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    @Test
    void invalidConfigurationIsRejectedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetemConfig.builder().loss(1.5).build());
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetemConfig.builder().latency(Duration.ofMillis(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> NetemConfig.builder().reorder(0.1, Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> new GilbertElliott(0, 0, 0, 1));
    }

    private static long[] flatten(List<long[]> arrivals) {
        return arrivals.stream().flatMapToLong(a -> java.util.Arrays.stream(a.length == 0 ? new long[] {-1} : a)).toArray();
    }
}
