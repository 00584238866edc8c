package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 §6.1: when the time comes to send new DATA, Max.Burst (4, §16) limits the packets sent at once. Without it,
 * a sender whose window opened during a bulk transfer dumps the whole window in one go when the application writes
 * again after a pause, which a receiver with a small socket buffer (Chromium's is 128 KiB, about 56 packets) drops.
 */
class SctpMaxBurstTest {

    private static final int MAX_BURST = 4;

    @Test
    void aLargeWindowIsNotSentInOneBurstAfterAnApplicationPause(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).rate(100_000_000L, 1 << 20).build();
        SctpPair pair = new SctpPair(seed.value(), link, SctpPair.delay(Duration.ofMillis(10)));
        pair.connectBoth();
        BulkTransfer warmUp = new BulkTransfer(pair, 4L * 1024 * 1024, 64 * 1024, seed.value(), SendOptions.RELIABLE, 1);
        warmUp.start();
        pair.run(warmUp::done, Duration.ofMinutes(1));
        SctpAssociation a = pair.a.association;
        pair.run(() -> a.stats().flightSize() == 0, Duration.ofSeconds(5));
        long cwnd = a.stats().cwnd();
        assertTrue(cwnd > 40 * 1200, "the transfer opened the window: " + cwnd);

        // The application writes 256 KiB after a pause shorter than the RTO (RFC 9260 §7.2.1 leaves cwnd as it is).
        pair.stepper.runFor(Duration.ofMillis(50));
        pair.keepMessages = true;
        pair.eventsB.clear();
        assertTrue(a.send(pair.now(), 2, 53, ByteBuffer.wrap(new byte[256 * 1024]), SendOptions.RELIABLE));
        int burst = 0;
        ByteBuffer p;
        // Everything the driver would drain right after the call is one burst: the clock does not move meanwhile.
        while ((p = a.pollTransmit()) != null) {
            if (SctpPacket.decode(p.duplicate(), true).chunks().stream().anyMatch(c -> c instanceof DataChunk)) {
                burst++;
            }
            pair.b.association.handleReceive(pair.now(), p);
        }
        assertEquals(MAX_BURST, burst, "packets of new DATA sent at once with a window of " + cwnd + " bytes");

        // The rest follows as SACKs come back, and nothing stalls.
        pair.run(() -> SctpPair.messages(pair.eventsB).size() == 1, Duration.ofSeconds(5));
        assertEquals(256 * 1024, SctpPair.messages(pair.eventsB).get(0).payload().length);
    }
}
