package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoEnginesOpenADataChannelTest {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(20)).build();

    @Test
    void offerAnswerIceDtlsSctpAndMessagesBothWays(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), LINK);
        try {
            int chat = p.a.createDataChannel(p.clock.nanos(), "chat", RTCDataChannelInit.reliable());
            p.negotiate();
            p.runUntilOrDump(() -> !EnginePair.of(p.eventsA, EngineEvent.DataChannelOpen.class).isEmpty()
                    && !EnginePair.of(p.eventsB, EngineEvent.RemoteDataChannel.class).isEmpty(), Duration.ofSeconds(30));

            assertEquals(1, EnginePair.of(p.eventsA, EngineEvent.NegotiationNeeded.class).size(),
                    "the first channel asked for negotiation, once");
            assertTrue(EnginePair.of(p.eventsA, EngineEvent.ConnectionStateChanged.class).stream()
                    .anyMatch(e -> e.state() == RTCPeerConnectionState.CONNECTED), "A connected: " + p.eventsA);
            EngineEvent.RemoteDataChannel remote = EnginePair.of(p.eventsB, EngineEvent.RemoteDataChannel.class).get(0);
            assertEquals("chat", remote.label());
            assertTrue(remote.ordered());

            p.a.sendText(p.clock.nanos(), chat, "hello from A");
            p.b.sendBinary(p.clock.nanos(), remote.handle(), ByteBuffer.wrap(new byte[] {1, 2, 3}));
            p.runUntil(() -> !EnginePair.of(p.eventsB, EngineEvent.DataChannelMessage.class).isEmpty()
                    && !EnginePair.of(p.eventsA, EngineEvent.DataChannelMessage.class).isEmpty(), Duration.ofSeconds(5));
            EngineEvent.DataChannelMessage atB = EnginePair.of(p.eventsB, EngineEvent.DataChannelMessage.class).get(0);
            assertEquals("hello from A", new String(atB.data(), StandardCharsets.UTF_8));
            assertTrue(!atB.binary());
            EngineEvent.DataChannelMessage atA = EnginePair.of(p.eventsA, EngineEvent.DataChannelMessage.class).get(0);
            assertTrue(atA.binary());
            assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), List.of(atA.data()[0], atA.data()[1], atA.data()[2]));
        } finally {
            p.close();
        }
    }
}
