package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.internal.MdnsMessage;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * draft-ietf-mmusic-mdns-ice-candidates: host addresses hidden behind {@code <uuid>.local} names, resolved by
 * the peer with multicast queries that the hiding agent answers.
 */
class IceResolvesMdnsCandidatesTest {

    @Test
    void agentsHidingHostAddressesStillConnect(TestSeed seed) {
        IceConfig.Builder cfg = IceConfig.builder().mdnsHostCandidates(true);
        TwoAgents t = new TwoAgents(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(10)).build(),
                cfg.role(IceRole.CONTROLLING).build(), cfg.role(IceRole.CONTROLLED).build()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        IceCandidate signalled = t.a.gathered.get(0);
        assertTrue(signalled.isNamed() && signalled.address().getHostString().matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.local"), signalled.toSdpAttribute());
        assertTrue(t.a.mdnsDelivered > 0 && t.b.mdnsDelivered > 0, "both sides queried and answered");
        assertEquals(t.ha.socket(5000), t.b.agent.selectedPair().orElseThrow().remote().address());
        assertEquals(CandidateType.HOST, t.b.agent.selectedPair().orElseThrow().remote().type(),
                "resolved from the signalled name, not learnt as peer-reflexive");
    }

    @Test
    void unresolvableNameIsGivenUpAfterThreeQueries() throws Exception {
        IceAgent agent = new IceAgent(IceConfig.builder().build(), new SplittableRandom(1));
        long now = 5_000_000_000L;
        agent.addRemoteCandidate(now, IceCandidate.parse("candidate:1 1 udp 2113937151 nobody.local 9 typ host"));
        int queries = 0;
        for (int i = 0; i < 10; i++) {
            Transmit tx;
            while ((tx = agent.pollTransmit()) != null) {
                assertEquals(5353, tx.destination().getPort());
                assertTrue(tx.destination().getAddress().isMulticastAddress());
                MdnsMessage q = MdnsMessage.decode(tx.payload()).orElseThrow();
                assertEquals("nobody.local", q.questions().get(0).name());
                queries++;
            }
            if (agent.pollTimeout() == Long.MAX_VALUE) {
                break;
            }
            now = Math.max(now, agent.pollTimeout());
            agent.handleTimeout(now);
        }
        assertEquals(3, queries);
        assertEquals(Long.MAX_VALUE, agent.pollTimeout());
    }

    @Test
    void dnsCodecFollowsCompressionAndRejectsLoops() throws Exception {
        // A response whose answer name is a pointer to the question name (RFC 1035 §4.1.4).
        byte[] wire = HexFormat.of().parseHex("000084000001000100000000"
                + "03616263056c6f63616c00" + "00010001"
                + "c00c" + "00018001" + "00000078" + "0004" + "c0000201");
        MdnsMessage m = MdnsMessage.decode(ByteBuffer.wrap(wire)).orElseThrow();
        assertTrue(m.response());
        assertEquals(List.of(new MdnsMessage.AddressRecord("abc.local", InetAddress.getByName("192.0.2.1"), 120)),
                m.answers());
        byte[] loop = HexFormat.of().parseHex("000084000001000000000000c00c00010001");
        assertTrue(MdnsMessage.decode(ByteBuffer.wrap(loop)).isEmpty());
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = wire.clone();
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            MdnsMessage.decode(ByteBuffer.wrap(b, 0, r.nextInt(b.length + 1)));
        }
    }
}
