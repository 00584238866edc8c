package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SctpPartialReliabilityTest {
    private static final int COUNT = 400;

    private static NetemConfig lossy(double loss) {
        return NetemConfig.builder().latency(Duration.ofMillis(15)).loss(loss).reorder(0.05, Duration.ofMillis(5))
                .build();
    }

    /** Sends COUNT two-fragment messages on stream 1, then a reliable marker on stream 2, and runs until it lands. */
    private static List<Long> run(SctpPair pair, SendOptions options, long seed) {
        for (long i = 0; i < COUNT; i++) {
            pair.a.association.send(pair.now(), 1, 53, ByteBuffer.wrap(BulkTransfer.message(seed, i, 2000)), options);
        }
        pair.a.association.send(pair.now(), 2, 51, ByteBuffer.wrap(new byte[] {42}), SendOptions.RELIABLE);
        pair.run(() -> SctpPair.messages(pair.eventsB).stream().anyMatch(m -> m.streamId() == 2)
                && pair.a.association.stats().outstandingChunks() == 0
                && pair.a.association.totalBufferedAmount() == 0, Duration.ofMinutes(5));
        List<Long> indices = new ArrayList<>();
        for (SctpEvent.MessageReceived m : SctpPair.messages(pair.eventsB)) {
            if (m.streamId() == 1) {
                long index = ByteBuffer.wrap(m.payload()).getLong();
                assertArrayEquals(BulkTransfer.message(seed, index, 2000), m.payload(), "message " + index);
                indices.add(index);
            }
        }
        return indices;
    }

    @Test
    void orderedZeroRetransmitMessagesAreAbandonedAndNeverDeliveredLate(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), lossy(0.2), lossy(0.05));
        pair.connectBoth();
        List<Long> got = run(pair, SendOptions.maxRetransmits(false, 0), seed.value());
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i) > got.get(i - 1), "ordered partial reliability delivered " + got.get(i)
                    + " after " + got.get(i - 1));
        }
        long abandoned = pair.a.association.stats().abandonedMessages();
        assertTrue(abandoned > 0, "20% loss with no retransmissions must abandon messages");
        assertTrue(got.size() < COUNT && got.size() > COUNT / 2, "delivered " + got.size());
        // Every message is delivered or abandoned; one abandoned after all its chunks already arrived counts twice.
        assertTrue(got.size() + abandoned >= COUNT, "lost track of messages: " + got.size() + " + " + abandoned);
        assertEquals(got.size(), new HashSet<>(got).size(), "no duplicates");
    }

    @Test
    void unorderedTimedMessagesAreDeliveredAtMostOnceOrDropped(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), lossy(0.2), lossy(0.05));
        pair.connectBoth();
        List<Long> got = run(pair, SendOptions.lifetime(true, Duration.ofMillis(40)), seed.value());
        Set<Long> unique = new HashSet<>(got);
        assertEquals(got.size(), unique.size(), "no duplicates");
        assertTrue(pair.a.association.stats().abandonedMessages() > 0);
        assertTrue(got.size() < COUNT);
    }

    @Test
    void unorderedReliableMessagesAllArriveOnceEvenIfOutOfOrder(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), lossy(0.1), lossy(0.1));
        pair.connectBoth();
        List<Long> got = run(pair, SendOptions.UNORDERED, seed.value());
        assertEquals(COUNT, got.size());
        assertEquals(COUNT, new HashSet<>(got).size());
        boolean reordered = false;
        for (int i = 1; i < got.size(); i++) {
            reordered |= got.get(i) < got.get(i - 1);
        }
        assertTrue(reordered, "with 10% loss unordered delivery should overtake lost messages");
        assertTrue(SctpPair.messages(pair.eventsB).stream().filter(m -> m.streamId() == 1)
                .allMatch(SctpEvent.MessageReceived::unordered));
    }
}
