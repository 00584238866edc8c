package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngineDeliversAndClosesTest {

    private static EnginePair connected(long seed, NetemConfig link, String label, RTCDataChannelInit init, int[] handle) {
        EnginePair p = new EnginePair(seed, link);
        handle[0] = p.a.createDataChannel(p.clock.nanos(), label, init);
        p.negotiate();
        p.runUntilOrDump(() -> !EnginePair.of(p.eventsA, EngineEvent.DataChannelOpen.class).isEmpty()
                && !EnginePair.of(p.eventsB, EngineEvent.DataChannelOpen.class).isEmpty(), Duration.ofSeconds(30));
        return p;
    }

    @Test
    void aMegabyteArrivesIntactAndInOrderOverALossyLink(TestSeed seed) throws Exception {
        // Lossless while connecting (the DTLS handshake runs on real time), then 5 % loss and reordering.
        NetemConfig clean = NetemConfig.builder().latency(Duration.ofMillis(10)).build();
        int[] chat = new int[1];
        EnginePair p = connected(seed.value(), clean, "bulk", RTCDataChannelInit.reliable(), chat);
        try {
            NetemConfig lossy = clean.toBuilder().loss(0.05).reorder(0.02, Duration.ofMillis(5)).build();
            p.net.stats();
            p.setLinks(lossy);
            byte[] payload = new byte[1 << 20];
            new SplittableRandom(seed.value()).nextBytes(payload);
            int chunk = 16 * 1024;
            for (int off = 0; off < payload.length; off += chunk) {
                assertTrue(p.a.sendBinary(p.clock.nanos(), chat[0], ByteBuffer.wrap(payload, off, chunk)));
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            p.runUntilOrDump(() -> {
                received.reset();
                EnginePair.of(p.eventsB, EngineEvent.DataChannelMessage.class).forEach(m -> received.writeBytes(m.data()));
                return received.size() >= payload.length;
            }, Duration.ofSeconds(120));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            assertArrayEquals(sha.digest(payload), sha.digest(received.toByteArray()), "every byte, in order");
            assertEquals(payload.length / chunk, EnginePair.of(p.eventsB, EngineEvent.DataChannelMessage.class).size());
            assertTrue(p.net.stats().linkDropped() > 0, "the link did drop packets: " + p.net.stats());
        } finally {
            p.close();
        }
    }

    @Test
    void closingAChannelClosesItOnBothSides(TestSeed seed) {
        int[] chat = new int[1];
        EnginePair p = connected(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(5)).build(), "c",
                RTCDataChannelInit.reliable(), chat);
        try {
            p.a.closeDataChannel(p.clock.nanos(), chat[0]);
            p.runUntilOrDump(() -> !EnginePair.of(p.eventsA, EngineEvent.DataChannelClosed.class).isEmpty()
                    && !EnginePair.of(p.eventsB, EngineEvent.DataChannelClosed.class).isEmpty(), Duration.ofSeconds(10));
            assertEquals(1, EnginePair.of(p.eventsB, EngineEvent.DataChannelClosing.class).size());
        } finally {
            p.close();
        }
    }

    @Test
    void closingThePeerConnectionIsSeenByTheOtherSide(TestSeed seed) {
        int[] chat = new int[1];
        EnginePair p = connected(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(5)).build(), "c",
                RTCDataChannelInit.reliable(), chat);
        try {
            p.a.close(p.clock.nanos());
            p.runUntilOrDump(() -> EnginePair.of(p.eventsB, EngineEvent.ConnectionStateChanged.class).stream()
                    .anyMatch(e -> e.state() != RTCPeerConnectionState.CONNECTED
                            && e.state() != RTCPeerConnectionState.CONNECTING), Duration.ofSeconds(60));
            assertTrue(!EnginePair.of(p.eventsB, EngineEvent.DataChannelClosed.class).isEmpty(),
                    "B's channel closed: " + p.eventsB);
            assertTrue(EnginePair.of(p.eventsA, EngineEvent.ConnectionStateChanged.class).stream()
                    .anyMatch(e -> e.state() == RTCPeerConnectionState.CLOSED));
            // As a browser: the close_notify makes B "disconnected" at once; expired ICE consent then makes it "failed".
            List<RTCPeerConnectionState> states = EnginePair.of(p.eventsB, EngineEvent.ConnectionStateChanged.class)
                    .stream().map(EngineEvent.ConnectionStateChanged::state).toList();
            assertEquals(RTCPeerConnectionState.DISCONNECTED, states.get(states.size() - 1), states.toString());
            p.runUntilOrDump(() -> EnginePair.of(p.eventsB, EngineEvent.ConnectionStateChanged.class).stream()
                    .anyMatch(e -> e.state() == RTCPeerConnectionState.FAILED), Duration.ofSeconds(60));
        } finally {
            p.close();
        }
    }

    @Test
    void iceRestartRenewsCredentialsAndTheChannelKeepsWorking(TestSeed seed) {
        int[] chat = new int[1];
        EnginePair p = connected(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(5)).build(), "c",
                RTCDataChannelInit.reliable(), chat);
        try {
            String ufragBefore = ufrag(p.a.localDescription());
            String remoteUfragBefore = ufrag(p.b.localDescription());
            int negotiationNeeded = EnginePair.of(p.eventsA, EngineEvent.NegotiationNeeded.class).size();
            p.a.restartIce(p.clock.nanos());
            p.runUntilOrDump(() -> EnginePair.of(p.eventsA, EngineEvent.NegotiationNeeded.class).size()
                    > negotiationNeeded, Duration.ofSeconds(1));
            p.negotiate();
            assertTrue(!ufrag(p.a.localDescription()).equals(ufragBefore), "the offer restarted ICE");
            assertTrue(!ufrag(p.b.localDescription()).equals(remoteUfragBefore), "the answer did too");
            p.runFor(Duration.ofSeconds(3));
            p.a.sendText(p.clock.nanos(), chat[0], "after restart");
            p.runUntilOrDump(() -> EnginePair.of(p.eventsB, EngineEvent.DataChannelMessage.class).stream()
                    .anyMatch(m -> new String(m.data(), java.nio.charset.StandardCharsets.UTF_8).equals("after restart")),
                    Duration.ofSeconds(10));
            assertTrue(EnginePair.of(p.eventsA, EngineEvent.ConnectionStateChanged.class).stream()
                    .noneMatch(e -> e.state() == RTCPeerConnectionState.FAILED), "never failed: " + p.eventsA);
        } finally {
            p.close();
        }
    }

    private static String ufrag(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst().orElseThrow();
    }

    @Test
    void preNegotiatedChannelsNeedNoDcepAndCarryMessages(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(5)).build());
        try {
            RTCDataChannelInit seven = RTCDataChannelInit.builder().negotiated(7).build();
            int atA = p.a.createDataChannel(p.clock.nanos(), "pre", seven);
            int atB = p.b.createDataChannel(p.clock.nanos(), "pre", seven);
            p.negotiate();
            p.runUntilOrDump(() -> !EnginePair.of(p.eventsA, EngineEvent.DataChannelOpen.class).isEmpty()
                    && !EnginePair.of(p.eventsB, EngineEvent.DataChannelOpen.class).isEmpty(), Duration.ofSeconds(30));
            assertEquals(7, EnginePair.of(p.eventsA, EngineEvent.DataChannelOpen.class).get(0).id());
            assertTrue(EnginePair.of(p.eventsB, EngineEvent.RemoteDataChannel.class).isEmpty(), "no DCEP open");
            p.b.sendText(p.clock.nanos(), atB, "over stream 7");
            p.runUntilOrDump(() -> !EnginePair.of(p.eventsA, EngineEvent.DataChannelMessage.class).isEmpty(),
                    Duration.ofSeconds(5));
            EngineEvent.DataChannelMessage m = EnginePair.of(p.eventsA, EngineEvent.DataChannelMessage.class).get(0);
            assertEquals(atA, m.handle());
            assertEquals("over stream 7", new String(m.data(), java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            p.close();
        }
    }
}
