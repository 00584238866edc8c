package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SctpReliableTransferUnderLossTest {

    private static NetemConfig link(double loss) {
        return NetemConfig.builder().latency(Duration.ofMillis(10)).jitter(Duration.ofMillis(1)).loss(loss)
                .reorder(0.02, Duration.ofMillis(4)).duplicate(0.01).build();
    }

    @ParameterizedTest(name = "loss {0}")
    @ValueSource(doubles = {0.0, 0.01, 0.05, 0.10})
    void orderedReliableTransferArrivesIntactAndInOrder(double loss, TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), link(loss), link(loss));
        pair.connectBoth();
        long total = Long.getLong("jwebrtc.sctp.transferBytes", 8L * 1024 * 1024);
        BulkTransfer t = new BulkTransfer(pair, total, 70_000, seed.value(), SendOptions.RELIABLE, 3);
        t.start();
        pair.run(t::done, Duration.ofMinutes(30));
        assertEquals(t.sentCrc.getValue(), t.receivedCrc.getValue());
        assertTrue(t.deliveredBytes >= total);
        SctpStats s = pair.a.association.stats();
        System.out.printf("loss %.2f: %d bytes in %.1f s simulated, %d retransmissions (%d fast), %d T3%n", loss,
                t.deliveredBytes, (pair.now() - 3_600_000_000_000L) / 1e9, s.retransmissions(), s.fastRetransmits(),
                s.retransmissionTimeouts());
        if (loss > 0) {
            assertTrue(s.retransmissions() > 0, "loss must have caused retransmissions");
        }
    }
}
