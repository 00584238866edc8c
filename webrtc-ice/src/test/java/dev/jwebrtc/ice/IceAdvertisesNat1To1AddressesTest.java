package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.Nat;
import dev.jwebrtc.testkit.NatBehavior;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A 1:1 NAT whose public address is known in advance (a cloud VM), as Pion's {@code SetNAT1To1IPs}: signalled in
 * place of the host address (HOST) or as a server-reflexive candidate beside it (SERVER_REFLEXIVE), and used by
 * the peer as a signalled candidate rather than discovered as peer-reflexive.
 */
class IceAdvertisesNat1To1AddressesTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static List<IceCandidate> gather(IceConfig config, List<InetSocketAddress> sockets) {
        IceAgent agent = new IceAgent(config, new SplittableRandom(7));
        agent.gather(0, sockets);
        List<IceCandidate> out = new ArrayList<>();
        IceEvent e;
        while ((e = agent.pollEvent()) != null) {
            if (e instanceof IceEvent.CandidateGathered g) {
                out.add(g.candidate());
            }
        }
        return out;
    }

    @Test
    void hostModeSignalsThePublicAddressInPlaceOfTheLocalOne() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(ip("10.0.0.5"), 5000);
        InetSocketAddress v6 = new InetSocketAddress(ip("2001:db8::5"), 5002);
        List<IceCandidate> c = gather(IceConfig.builder()
                .nat1To1(List.of(ip("203.0.113.9")), CandidateType.HOST).build(), List.of(v4, v6));
        assertEquals(2, c.size(), c.toString());
        assertEquals(new InetSocketAddress(ip("203.0.113.9"), 5000), c.get(0).address());
        assertEquals(CandidateType.HOST, c.get(0).type());
        assertNull(c.get(0).relatedAddress(), "RFC 8839 §5.1: no raddr on a host candidate");
        assertEquals(v6, c.get(1).address(), "the IPv4 mapping leaves IPv6 sockets alone");
        assertTrue(c.get(0).toSdpAttribute().contains(" 203.0.113.9 5000 typ host"), c.get(0).toSdpAttribute());
    }

    @Test
    void serverReflexiveModeAddsTheMappingWithTheSocketAsRelatedAddress() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(ip("10.0.0.5"), 5000);
        List<IceCandidate> c = gather(IceConfig.builder()
                .nat1To1(List.of(ip("203.0.113.9")), CandidateType.SERVER_REFLEXIVE).build(), List.of(v4));
        assertEquals(2, c.size(), c.toString());
        assertEquals(v4, c.get(0).address());
        assertEquals(CandidateType.HOST, c.get(0).type());
        IceCandidate srflx = c.get(1);
        assertEquals(CandidateType.SERVER_REFLEXIVE, srflx.type());
        assertEquals(new InetSocketAddress(ip("203.0.113.9"), 5000), srflx.address());
        assertEquals(v4, srflx.relatedAddress());
        assertTrue(srflx.toSdpAttribute().endsWith("203.0.113.9 5000 typ srflx raddr 10.0.0.5 rport 5000"),
                srflx.toSdpAttribute());
        // RFC 8445 §5.1.3: a mapping equal to the socket itself is redundant and not signalled.
        assertEquals(1, gather(IceConfig.builder().nat1To1(List.of(ip("10.0.0.5")), CandidateType.SERVER_REFLEXIVE)
                .build(), List.of(v4)).size());
    }

    @Test
    void badMappingsAreRefusedWithTheReason() throws Exception {
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> IceConfig.builder()
                .nat1To1(List.of(ip("203.0.113.9"), ip("203.0.113.10")), CandidateType.HOST).build());
        assertTrue(two.getMessage().contains("one NAT 1:1 address per address family"), two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IceConfig.builder()
                .nat1To1(List.of(ip("224.0.0.1")), CandidateType.HOST).build());
        assertThrows(IllegalArgumentException.class, () -> IceConfig.builder()
                .nat1To1(List.of(ip("203.0.113.9")), CandidateType.RELAYED).build());
        assertThrows(IllegalArgumentException.class, () -> IceConfig.builder().lite(true).role(IceRole.CONTROLLED)
                .nat1To1(List.of(ip("203.0.113.9")), CandidateType.SERVER_REFLEXIVE).build());
        assertThrows(IllegalArgumentException.class, () -> IceConfig.builder().mdnsHostCandidates(true)
                .nat1To1(List.of(ip("203.0.113.9")), CandidateType.HOST).build());
    }

    @Test
    void hostModeBehindAFullConeNatIsReachedAsASignalledHostCandidate(TestSeed seed) throws Exception {
        IceAgent.SelectedPair hostMode = connectThroughNat(seed.value(), CandidateType.HOST);
        assertEquals(CandidateType.HOST, hostMode.remote().type());
        assertEquals(new InetSocketAddress(ip("203.0.113.1"), 5000), hostMode.remote().address());
    }

    @Test
    void serverReflexiveModeBehindAFullConeNatIsReachedAsTheSignalledMapping(TestSeed seed) throws Exception {
        IceAgent.SelectedPair srflxMode = connectThroughNat(seed.value(), CandidateType.SERVER_REFLEXIVE);
        assertEquals(CandidateType.SERVER_REFLEXIVE, srflxMode.remote().type());
        assertEquals(new InetSocketAddress(ip("203.0.113.1"), 5000), srflxMode.remote().address());
    }

    @Test
    void withoutTheMappingThePeerOnlyLearnsTheNatAsPeerReflexive(TestSeed seed) throws Exception {
        assertEquals(CandidateType.PEER_REFLEXIVE, connectThroughNat(seed.value(), null).remote().type());
    }

    /**
     * A behind a port-preserving full-cone NAT (a 1:1 NAT as far as one socket can tell), B on the public side;
     * returns B's selected pair.
     */
    private static IceAgent.SelectedPair connectThroughNat(long seed, @Nullable CandidateType mode) throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed);
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).build();
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.FULL_CONE.withPortPreservation(true), link);
        Host ha = nat.addHost("a", "10.0.0.2", NetemConfig.NONE);
        Host hb = net.addHost("b", "198.51.100.20", link);
        IceConfig.Builder ca = IceConfig.builder().role(IceRole.CONTROLLED);
        if (mode != null) {
            ca.nat1To1(List.of(nat.publicAddress()), mode);
        }
        IcePeer a = new IcePeer("a", clock, ca.build(), seed);
        IcePeer b = new IcePeer("b", clock, IceConfig.builder().role(IceRole.CONTROLLING).build(), seed + 1);
        Stepper st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(6000)));
        a.streamData(Duration.ofMillis(50));
        b.streamData(Duration.ofMillis(50));
        st.runUntil(() -> a.connected() && b.connected(), Duration.ofSeconds(10));
        st.runUntil(() -> a.dataReceived > 10 && b.dataReceived > 10, Duration.ofSeconds(5));
        return b.agent.selectedPair().orElseThrow();
    }
}
