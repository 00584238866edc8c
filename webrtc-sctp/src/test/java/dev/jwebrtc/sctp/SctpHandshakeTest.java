package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SctpHandshakeTest {

    @Test
    void simultaneousInitsEstablishBothSidesAndCarryAMessage(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), SctpPair.delay(Duration.ofMillis(10)),
                SctpPair.delay(Duration.ofMillis(10)));
        pair.connectBoth();
        assertTrue(SctpPair.has(pair.eventsA, SctpEvent.Connected.class));
        assertTrue(SctpPair.has(pair.eventsB, SctpEvent.Connected.class));
        pair.a.association.send(pair.now(), 1, 51, ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)),
                SendOptions.RELIABLE);
        pair.run(() -> !SctpPair.messages(pair.eventsB).isEmpty(), Duration.ofSeconds(5));
        SctpEvent.MessageReceived m = SctpPair.messages(pair.eventsB).get(0);
        assertEquals(1, m.streamId());
        assertEquals(51, m.ppid());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), m.payload());
    }

    @Test
    void oneSidedConnectEstablishesAgainstAPassivePeer(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), NetemConfig.NONE, NetemConfig.NONE);
        pair.a.association.connect(pair.now());
        pair.run(() -> pair.a.association.state() == SctpState.ESTABLISHED
                && pair.b.association.state() == SctpState.ESTABLISHED, Duration.ofSeconds(5));
        assertEquals(List.of(new SctpEvent.Connected()), pair.eventsA);
    }

    @Test
    void handshakeSurvivesHeavyLoss(TestSeed seed) {
        // At 40% loss both ways, Max.Init.Retransmits (8) runs out in about 2% of runs, as RFC 9260 intends.
        NetemConfig lossy = NetemConfig.builder().latency(Duration.ofMillis(20)).loss(0.25).build();
        SctpPair pair = new SctpPair(seed.value(), lossy, lossy);
        pair.connectBoth();
        assertEquals(SctpState.ESTABLISHED, pair.a.association.state());
    }

    @Test
    void gracefulShutdownClosesBothSidesAfterQueuedDataArrives(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), SctpPair.delay(Duration.ofMillis(5)),
                SctpPair.delay(Duration.ofMillis(5)));
        pair.connectBoth();
        byte[] big = new byte[100_000];
        new java.util.Random(seed.value()).nextBytes(big);
        pair.a.association.send(pair.now(), 0, 53, ByteBuffer.wrap(big), SendOptions.RELIABLE);
        pair.a.association.shutdown(pair.now());
        pair.run(() -> SctpPair.has(pair.eventsA, SctpEvent.Closed.class)
                && SctpPair.has(pair.eventsB, SctpEvent.Closed.class), Duration.ofSeconds(10));
        assertArrayEquals(big, SctpPair.messages(pair.eventsB).get(0).payload());
        assertEquals(new SctpEvent.Closed(true, "shutdown complete"), last(pair.eventsA));
        assertEquals(new SctpEvent.Closed(true, "shutdown complete"), last(pair.eventsB));
        assertEquals(SctpState.CLOSED, pair.b.association.state());
    }

    @Test
    void abortEndsThePeerAtOnce(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), NetemConfig.NONE, NetemConfig.NONE);
        pair.connectBoth();
        pair.a.association.abort(pair.now(), "user went away");
        pair.run(() -> SctpPair.has(pair.eventsB, SctpEvent.Closed.class), Duration.ofSeconds(1));
        SctpEvent.Closed closed = (SctpEvent.Closed) last(pair.eventsB);
        assertTrue(!closed.graceful() && closed.reason().contains("user went away"), closed.reason());
    }

    private static SctpEvent last(List<SctpEvent> events) {
        return events.get(events.size() - 1);
    }

    @Test
    void simultaneousShutdownUnderLossClosesBothGracefully(TestSeed seed) {
        NetemConfig lossy = NetemConfig.builder().latency(Duration.ofMillis(10)).loss(0.3).build();
        SctpPair pair = new SctpPair(seed.value(), lossy, lossy);
        pair.connectBoth();
        pair.a.association.send(pair.now(), 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        pair.b.association.send(pair.now(), 0, 51, ByteBuffer.wrap(new byte[] {2}), SendOptions.RELIABLE);
        pair.a.association.shutdown(pair.now());
        pair.b.association.shutdown(pair.now());
        pair.run(() -> SctpPair.has(pair.eventsA, SctpEvent.Closed.class)
                && SctpPair.has(pair.eventsB, SctpEvent.Closed.class), Duration.ofMinutes(2));
        assertEquals(1, SctpPair.messages(pair.eventsA).size(), "queued data is delivered before closing");
        assertEquals(1, SctpPair.messages(pair.eventsB).size());
        // With SHUTDOWN COMPLETE lost, the side waiting in SHUTDOWN-ACK-SENT closes on its T2 limit instead.
        assertTrue(((SctpEvent.Closed) last(pair.eventsA)).graceful() || ((SctpEvent.Closed) last(pair.eventsB)).graceful());
    }

    @Test
    void sendingAfterShutdownIsRefused(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), NetemConfig.NONE, NetemConfig.NONE);
        pair.connectBoth();
        pair.a.association.shutdown(pair.now());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> pair.a.association.send(pair.now(), 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE));
        assertTrue(e.getMessage().contains("SHUTDOWN"), e.getMessage());
    }
}
