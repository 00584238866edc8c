package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SctpStreamResetTest {

    @Test
    void resetWaitsForQueuedDataUnderLossAndTheStreamStartsOver(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).loss(0.1)
                .reorder(0.05, Duration.ofMillis(5)).build();
        SctpPair pair = new SctpPair(seed.value(), link, link);
        pair.connectBoth();
        for (long i = 0; i < 200; i++) {
            pair.a.association.send(pair.now(), 5, 53, ByteBuffer.wrap(BulkTransfer.message(seed.value(), i, 3000)),
                    SendOptions.RELIABLE);
        }
        pair.a.association.resetStreams(pair.now(), List.of(5));
        assertThrows(IllegalStateException.class, () -> pair.a.association.send(pair.now(), 5, 51,
                ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE), "a closing stream refuses new messages");
        pair.b.association.resetStreams(pair.now(), List.of(5)); // both directions at once
        pair.run(() -> SctpPair.has(pair.eventsA, SctpEvent.OutgoingStreamsReset.class)
                && SctpPair.has(pair.eventsB, SctpEvent.IncomingStreamsReset.class)
                && SctpPair.has(pair.eventsB, SctpEvent.OutgoingStreamsReset.class)
                && SctpPair.has(pair.eventsA, SctpEvent.IncomingStreamsReset.class), Duration.ofMinutes(2));
        // Every message sent before the reset arrived, in order, before the reset was reported.
        int resetAt = indexOf(pair.eventsB, SctpEvent.IncomingStreamsReset.class);
        List<SctpEvent.MessageReceived> before = SctpPair.messages(pair.eventsB.subList(0, resetAt));
        assertEquals(200, before.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(i, ByteBuffer.wrap(before.get(i).payload()).getLong());
        }
        assertEquals(new SctpEvent.IncomingStreamsReset(List.of(5)), pair.eventsB.get(resetAt));
        // After the reset, SSNs restart at 0 and the stream carries messages again.
        pair.a.association.send(pair.now(), 5, 51, ByteBuffer.wrap(new byte[] {7}), SendOptions.RELIABLE);
        pair.run(() -> SctpPair.messages(pair.eventsB).size() == 201, Duration.ofMinutes(1));
        assertEquals(7, SctpPair.messages(pair.eventsB).get(200).payload()[0]);
    }

    private static int indexOf(List<SctpEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    @Test
    void resetIsRefusedBeforeTheAssociationIsUp(TestSeed seed) {
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new java.util.SplittableRandom(seed.value()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.resetStreams(0, List.of(1)));
        assertTrue(e.getMessage().contains("CLOSED"));
    }
}
