package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A lost last packet of a burst has no later packet whose SACK could reveal it, so before a tail loss probe (RFC 8985
 * §7) only T3-rtx recovered it: at least the 200 ms minimum RTO, ten round trips at 20 ms. The probe goes out after
 * two smoothed RTTs with the I bit set (RFC 7053), and its immediate SACK ends the wait.
 */
class SctpTailLossProbeTest {

    @Test
    void aLostLastPacketIsRepairedWithinAFewRoundTripsNotAfterTheRetransmissionTimeout(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), SctpPair.delay(Duration.ofMillis(10)),
                SctpPair.delay(Duration.ofMillis(10)));
        pair.connectBoth();
        SctpAssociation a = pair.a.association;
        // A few messages first, so the sender has RTT measurements (20 ms).
        for (int i = 0; i < 5; i++) {
            a.send(pair.now(), 1, 53, ByteBuffer.wrap(new byte[3000]), SendOptions.RELIABLE);
            pair.run(() -> a.stats().flightSize() == 0, Duration.ofSeconds(2));
        }
        pair.eventsB.clear();
        boolean[] dropped = {false};
        pair.a.dropOutgoing = bytes -> {
            boolean last = SctpPacket.decode(ByteBuffer.wrap(bytes), true).chunks().stream()
                    .anyMatch(c -> c instanceof DataChunk d && d.streamId() == 2 && d.ending());
            if (last && !dropped[0]) {
                dropped[0] = true;
                return true;
            }
            return false;
        };
        long start = pair.now();
        a.send(pair.now(), 2, 53, ByteBuffer.wrap(new byte[20 * 1024]), SendOptions.RELIABLE);
        pair.run(() -> !SctpPair.messages(pair.eventsB).isEmpty(), Duration.ofSeconds(5));
        double millis = (pair.now() - start) / 1e6;
        assertTrue(dropped[0], "the last packet was dropped");
        assertEquals(20 * 1024, SctpPair.messages(pair.eventsB).get(0).payload().length);
        assertEquals(0, a.stats().retransmissionTimeouts(), "repaired without T3-rtx");
        assertEquals(1, a.stats().tailLossProbes(), "one probe for the one lost tail");
        assertTrue(millis < 120, "delivered after " + millis + " ms (RTT 20 ms, minimum RTO 200 ms)");
    }

    @Test
    void theProbeNeverRetransmitsAMessageThatAllowsNoRetransmission(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), SctpPair.delay(Duration.ofMillis(10)),
                SctpPair.delay(Duration.ofMillis(10)));
        pair.connectBoth();
        SctpAssociation a = pair.a.association;
        for (int i = 0; i < 5; i++) {
            a.send(pair.now(), 1, 53, ByteBuffer.wrap(new byte[3000]), SendOptions.RELIABLE);
            pair.run(() -> a.stats().flightSize() == 0, Duration.ofSeconds(2));
        }
        pair.eventsB.clear();
        pair.a.dropOutgoing = bytes -> SctpPacket.decode(ByteBuffer.wrap(bytes), true).chunks().stream()
                .anyMatch(c -> c instanceof DataChunk d && d.streamId() == 2 && d.ending());
        // RFC 3758 §3.5: maxRetransmits 0, so a lost fragment abandons the message; the probe must not resend it.
        a.send(pair.now(), 2, 53, ByteBuffer.wrap(new byte[5000]), SendOptions.maxRetransmits(false, 0));
        pair.run(() -> a.stats().outstandingChunks() == 0, Duration.ofSeconds(5));
        pair.stepper.runFor(Duration.ofMillis(100));
        assertEquals(0, a.stats().retransmissions(), "nothing of a maxRetransmits=0 message is sent twice");
        assertEquals(1, a.stats().abandonedMessages());
        assertTrue(SctpPair.messages(pair.eventsB).isEmpty(), "the abandoned message is never delivered");
    }
}
