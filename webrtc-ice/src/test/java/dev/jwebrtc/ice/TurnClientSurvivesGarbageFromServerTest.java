package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.stun.ChannelData;
import dev.jwebrtc.ice.stun.Data;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random, truncated and half-valid datagrams from the TURN server's address never throw out of the agent. */
class TurnClientSurvivesGarbageFromServerTest {

    @Test
    void garbageFromTheTurnServerIsDropped(TestSeed seed) throws Exception {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 3478);
        InetSocketAddress local = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5000);
        IceAgent agent = new IceAgent(IceConfig.builder().turnServer(new TurnServer(server, "u", "p")).build(),
                new SplittableRandom(seed.value()));
        agent.gather(1, List.of(local));
        SplittableRandom r = new SplittableRandom(seed.value());
        byte[] dataIndication = StunMessage.builder(StunMethod.DATA, StunClass.INDICATION, new byte[12])
                .add(new Data(new byte[] {1, 2, 3})).encode(); // no XOR-PEER-ADDRESS
        byte[] channel = new ChannelData(0x4001, new byte[] {9}).encode(); // unknown channel
        for (int i = 0; i < 5000; i++) {
            byte[] b;
            switch (i % 3) {
                case 0 -> {
                    b = new byte[r.nextInt(0, 64)];
                    r.nextBytes(b);
                }
                case 1 -> b = dataIndication.clone();
                default -> b = channel.clone();
            }
            if (b.length > 0 && r.nextBoolean()) {
                b[r.nextInt(b.length)] ^= (byte) r.nextInt(256);
            }
            byte[] input = b;
            long now = 2 + i;
            assertDoesNotThrow(() -> agent.handleReceive(now, server, local, ByteBuffer.wrap(input)));
            assertDoesNotThrow(() -> agent.handleTimeout(now));
            while (agent.pollTransmit() != null || agent.pollEvent() != null) {
                // drain
            }
        }
        assertTrue(agent.droppedDatagrams() > 3000, "dropped " + agent.droppedDatagrams());
    }
}
