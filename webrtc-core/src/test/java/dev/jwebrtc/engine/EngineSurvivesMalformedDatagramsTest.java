package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Remote input never throws (DESIGN.md): a connected engine is fed thousands of random and mutated datagrams of
 * every RFC 7983 class (STUN, DTLS, TURN ChannelData, RTP/RTCP, and nonsense) from the peer's own address and from
 * strangers; nothing escapes handleReceive, the connection stays up and the channel still carries messages.
 */
class EngineSurvivesMalformedDatagramsTest {

    @Test
    void garbageOfEveryKindIsDroppedAndTheChannelStillWorks(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(2)).build());
        try {
            int chat = p.a.createDataChannel(p.clock.nanos(), "chat", RTCDataChannelInit.reliable());
            p.negotiate();
            p.runUntilOrDump(() -> !EnginePair.of(p.eventsB, EngineEvent.DataChannelOpen.class).isEmpty(),
                    Duration.ofSeconds(30));
            SplittableRandom random = new SplittableRandom(seed.value());
            InetSocketAddress peer = new InetSocketAddress("198.51.100.1", 5000);
            InetSocketAddress stranger = new InetSocketAddress("203.0.113.66", 4444);
            InetSocketAddress local = new InetSocketAddress("198.51.100.2", 6000);
            int[] firstBytes = {0, 1, 2, 3, 20, 21, 22, 23, 63, 64, 79, 128, 144, 191, 200, 255};
            for (int i = 0; i < 20_000; i++) {
                byte[] datagram = new byte[random.nextInt(0, 1300)];
                random.nextBytes(datagram);
                if (datagram.length > 0) {
                    datagram[0] = (byte) firstBytes[random.nextInt(firstBytes.length)];
                }
                if (datagram.length >= 20 && (datagram[0] & 0xff) <= 3) {
                    // Make many of them look like STUN, so they get past the first checks.
                    datagram[4] = 0x21;
                    datagram[5] = 0x12;
                    datagram[6] = (byte) 0xA4;
                    datagram[7] = 0x42;
                }
                p.b.handleReceive(p.clock.nanos(), random.nextBoolean() ? peer : stranger, local, ByteBuffer.wrap(datagram));
                if (i % 1000 == 0) {
                    p.runFor(Duration.ofMillis(10));
                }
            }
            p.a.sendText(p.clock.nanos(), chat, "still here");
            p.runUntilOrDump(() -> EnginePair.of(p.eventsB, EngineEvent.DataChannelMessage.class).stream()
                    .anyMatch(m -> new String(m.data(), java.nio.charset.StandardCharsets.UTF_8).equals("still here")),
                    Duration.ofSeconds(10));
            assertTrue(EnginePair.of(p.eventsB, EngineEvent.ConnectionStateChanged.class).stream()
                    .noneMatch(e -> e.state() == RTCPeerConnectionState.FAILED), "never failed: " + p.eventsB);
            Transports.Counters counters = p.b.counters();
            assertTrue(counters.unknownDatagrams() + counters.mediaDatagramsIgnored() > 1000,
                    "garbage was counted: " + counters);
        } finally {
            p.close();
        }
    }
}
