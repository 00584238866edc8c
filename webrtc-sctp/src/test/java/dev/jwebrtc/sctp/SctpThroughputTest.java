package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwebrtc.testkit.NetemConfig;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Goodput of one bulk transfer in virtual time through a rate-limited bottleneck (drop-tail queue of one
 * bandwidth-delay product, at least 64 KB), as a fraction of the link rate. Gigabit runs are opt-in
 * ({@code -Djwebrtc.sctp.gigabit=true}) because they simulate about a million packets.
 */
class SctpThroughputTest {

    static double measure(long bitsPerSecond, int rttMillis, double loss, long seed) {
        return measure(bitsPerSecond, rttMillis, loss, seed, SctpConfig.defaults());
    }

    static double measure(long bitsPerSecond, int rttMillis, double loss, long seed, SctpConfig config) {
        long bdpBytes = bitsPerSecond / 8 * rttMillis / 1000;
        NetemConfig forward = NetemConfig.builder().latency(Duration.ofNanos(rttMillis * 500_000L))
                .rate(bitsPerSecond, (int) Math.max(64 * 1024, bdpBytes)).loss(loss).build();
        NetemConfig backward = NetemConfig.builder().latency(Duration.ofNanos(rttMillis * 500_000L)).build();
        SctpPair pair = new SctpPair(seed, forward, backward, config, config);
        pair.connectBoth();
        BulkTransfer t = new BulkTransfer(pair, Long.MAX_VALUE / 4, 64 * 1024, seed, SendOptions.RELIABLE, 1);
        t.start();
        pair.stepper.runFor(Duration.ofSeconds(2)); // slow start and the first losses
        long startBytes = t.deliveredBytes;
        long startNanos = pair.now();
        pair.stepper.runFor(Duration.ofSeconds(4));
        double seconds = (pair.now() - startNanos) / 1e9;
        double goodputBits = (t.deliveredBytes - startBytes) * 8 / seconds;
        double ratio = goodputBits / bitsPerSecond;
        SctpStats s = pair.a.association.stats();
        System.out.printf("throughput %d Mbit/s, RTT %d ms, loss %.3f, window %d KiB: %.1f Mbit/s goodput = %.3f of "
                        + "link rate (cwnd %d, retransmissions %d, T3 %d)%n", bitsPerSecond / 1_000_000, rttMillis, loss,
                config.receiveWindow() / 1024,
                goodputBits / 1e6, ratio, s.cwnd(), s.retransmissions(), s.retransmissionTimeouts());
        return ratio;
    }

    @ParameterizedTest(name = "100 Mbit/s, RTT {0} ms")
    @CsvSource({"0, 0.9", "20, 0.8", "100, 0.5"})
    void hundredMegabitLinkIsFilled(int rttMillis, double minimumRatio) {
        double ratio = measure(100_000_000L, rttMillis, 0, 7);
        assertTrue(ratio >= minimumRatio, "goodput ratio " + ratio + " below " + minimumRatio);
        assertTrue(ratio <= 1.0, "goodput above the link rate: " + ratio);
    }

    @ParameterizedTest(name = "1 Gbit/s, RTT {0} ms")
    @CsvSource({"0", "20", "100"})
    void gigabitLink(int rttMillis) {
        assumeTrue(Boolean.getBoolean("jwebrtc.sctp.gigabit"), "opt-in: -Djwebrtc.sctp.gigabit=true");
        double ratio = measure(1_000_000_000L, rttMillis, 0, 7);
        assertTrue(ratio > 0 && ratio <= 1.0);
    }

    @ParameterizedTest(name = "{0} bit/s, RTT {1} ms, loss {2}")
    @CsvSource({"100000000, 20, 0.01", "100000000, 20, 0.05", "100000000, 20, 0.10", "1000000000, 20, 0.01"})
    void lossyLink(long bitsPerSecond, int rttMillis, double loss) {
        assumeTrue(Boolean.getBoolean("jwebrtc.sctp.gigabit"), "opt-in: -Djwebrtc.sctp.gigabit=true");
        double ratio = measure(bitsPerSecond, rttMillis, loss, 7);
        // Random loss caps any Reno-style (RFC 9260 §7.2) sender at MSS / RTT * sqrt(3 / (2p)) (Mathis et al., 1997),
        // whatever the link rate: 5.5 Mbit/s at 1 % and 20 ms with 1132-byte chunks. Loss recovery is sound when the
        // goodput reaches that bound; below it, recovery wastes round trips (timeouts, spurious cuts).
        double renoBits = 1132 * 8 / (rttMillis / 1000.0) * Math.sqrt(3 / (2 * loss));
        double ofReno = ratio * bitsPerSecond / renoBits;
        System.out.printf("  = %.2f of the Reno bound (%.1f Mbit/s)%n", ofReno, renoBits / 1e6);
        assertTrue(ofReno >= 0.8, "goodput only " + ofReno + " of the Reno bound");
        assertTrue(ratio > 0 && ratio <= 1.0);
    }

    @ParameterizedTest(name = "1 Gbit/s, RTT {0} ms, 16 MiB window")
    @CsvSource({"100"})
    void gigabitLinkWithALargerWindow(int rttMillis) {
        assumeTrue(Boolean.getBoolean("jwebrtc.sctp.gigabit"), "opt-in: -Djwebrtc.sctp.gigabit=true");
        SctpConfig big = SctpConfig.builder().receiveWindow(16 * 1024 * 1024).sendBufferSize(32L * 1024 * 1024).build();
        double ratio = measure(1_000_000_000L, rttMillis, 0, 7, big);
        assertTrue(ratio > 0 && ratio <= 1.0);
    }
}
