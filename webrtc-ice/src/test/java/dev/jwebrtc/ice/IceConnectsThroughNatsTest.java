package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each peer behind its own NAT, both using a STUN server: the RFC 4787 matrix. Without TURN, a symmetric NAT
 * facing a symmetric or port-restricted one cannot connect directly; every other combination must.
 */
class IceConnectsThroughNatsTest {

    private static final Map<String, NatBehavior> NATS = Map.of(
            "full-cone", NatBehavior.FULL_CONE,
            "restricted", NatBehavior.RESTRICTED_CONE,
            "port-restricted", NatBehavior.PORT_RESTRICTED_CONE,
            "symmetric", NatBehavior.SYMMETRIC);

    static Stream<Arguments> matrix() {
        List<String> names = List.of("full-cone", "restricted", "port-restricted", "symmetric");
        List<Arguments> out = new ArrayList<>();
        for (String x : names) {
            for (String y : names) {
                boolean symmetricX = x.equals("symmetric");
                boolean symmetricY = y.equals("symmetric");
                boolean blocked = (symmetricX && (symmetricY || y.equals("port-restricted")))
                        || (symmetricY && x.equals("port-restricted"));
                out.add(Arguments.of(x, y, !blocked));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> blocked() {
        return matrix().filter(a -> !(Boolean) a.get()[2]);
    }

    @ParameterizedTest(name = "{0} vs {1} with TURN")
    @MethodSource("blocked")
    void blockedCombinationConnectsThroughTurn(String natA, String natB, boolean direct, TestSeed seed)
            throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(15)).build();
        InetSocketAddress stun = new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 3478);
        InetSocketAddress turnAddress = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 3478);
        net.addStunServer(stun);
        net.addTurnServer(turnAddress, "example.org", Map.of("alice", "s3cret"));
        Nat na = net.addNat("nat-a", "203.0.113.1", NATS.get(natA), link);
        Nat nb = net.addNat("nat-b", "203.0.113.2", NATS.get(natB), link);
        Host ha = na.addHost("a", "10.0.0.2", NetemConfig.NONE);
        Host hb = nb.addHost("b", "10.1.0.2", NetemConfig.NONE);
        IcePeer a = new IcePeer("a", clock, IceConfig.builder().stunServer(stun)
                .turnServer(new TurnServer(turnAddress, "alice", "s3cret")).build(), seed.value());
        IcePeer b = new IcePeer("b", clock, IceConfig.builder().role(IceRole.CONTROLLED).stunServer(stun).build(),
                seed.value() + 1);
        a.turnServer = turnAddress;
        Stepper st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(5000)));
        a.streamData(Duration.ofMillis(50));
        b.streamData(Duration.ofMillis(50));
        st.runUntil(() -> a.connected() && b.connected(), Duration.ofSeconds(15));
        st.runUntil(() -> a.dataReceived > 20 && b.dataReceived > 20, Duration.ofSeconds(5));
        assertEquals(CandidateType.RELAYED, a.agent.selectedPair().orElseThrow().local().type());
    }

    @ParameterizedTest(name = "{0} vs {1}: connects={2}")
    @MethodSource("matrix")
    void natCombinationConnectsAsRfc4787Predicts(String natA, String natB, boolean connects, TestSeed seed)
            throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(15)).jitter(Duration.ofMillis(3)).build();
        InetSocketAddress stun = new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 3478);
        net.addStunServer(stun);
        Nat na = net.addNat("nat-a", "203.0.113.1", NATS.get(natA), link);
        Nat nb = net.addNat("nat-b", "203.0.113.2", NATS.get(natB), link);
        Host ha = na.addHost("a", "10.0.0.2", NetemConfig.NONE);
        Host hb = nb.addHost("b", "10.1.0.2", NetemConfig.NONE);
        IceConfig.Builder config = IceConfig.builder().stunServer(stun);
        IcePeer a = new IcePeer("a", clock, config.role(IceRole.CONTROLLING).build(), seed.value());
        IcePeer b = new IcePeer("b", clock, config.role(IceRole.CONTROLLED).build(), seed.value() + 1);
        Stepper st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(5000)));
        a.streamData(Duration.ofMillis(50));
        b.streamData(Duration.ofMillis(50));

        st.runUntil(() -> a.gatheringComplete && b.gatheringComplete, Duration.ofSeconds(5));
        // Gathering through the STUN server found each NAT's public address.
        assertTrue(a.gathered.stream().anyMatch(c -> c.type() == CandidateType.SERVER_REFLEXIVE
                && c.address().getAddress().equals(na.publicAddress())), "srflx of a: " + a.gathered);
        if (connects) {
            st.runUntil(() -> a.connected() && b.connected(), Duration.ofSeconds(10));
            st.runUntil(() -> a.dataReceived > 20 && b.dataReceived > 20, Duration.ofSeconds(5));
            IceAgent.SelectedPair pair = a.agent.selectedPair().orElseThrow();
            assertEquals(nb.publicAddress(), pair.remote().address().getAddress(), "remote is b's NAT");
        } else {
            st.runUntil(() -> a.agent.connectionState() == IceConnectionState.FAILED
                    && b.agent.connectionState() == IceConnectionState.FAILED, Duration.ofSeconds(40));
            assertEquals(0, a.dataReceived + b.dataReceived);
            assertTrue(a.eventsOf(IceEvent.SelectedPairChanged.class).isEmpty());
        }
    }
}
