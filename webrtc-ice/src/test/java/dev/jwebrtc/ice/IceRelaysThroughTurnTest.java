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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 8656 through the testkit's virtual TURN server: two peers behind symmetric NATs can only meet through a
 * relay; the allocation is authenticated (401 then credentials), refreshed, permissions and a channel are set
 * up, data flows both ways, and close() deallocates.
 */
class IceRelaysThroughTurnTest {

    @Test
    void symmetricToSymmetricConnectsThroughTurnRelay(TestSeed seed) throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(15)).build();
        InetSocketAddress turnAddress = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 3478);
        dev.jwebrtc.testkit.TurnServer server = net.addTurnServer(turnAddress, "example.org", Map.of("alice", "s3cret"));
        Nat na = net.addNat("nat-a", "203.0.113.1", NatBehavior.SYMMETRIC, link);
        Nat nb = net.addNat("nat-b", "203.0.113.2", NatBehavior.SYMMETRIC, link);
        Host ha = na.addHost("a", "10.0.0.2", NetemConfig.NONE);
        Host hb = nb.addHost("b", "10.1.0.2", NetemConfig.NONE);
        TurnServer turn = new TurnServer(turnAddress, "alice", "s3cret");
        IcePeer a = new IcePeer("a", clock, IceConfig.builder().turnServer(turn).build(), seed.value());
        IcePeer b = new IcePeer("b", clock, IceConfig.builder().role(IceRole.CONTROLLED).stunServer(turnAddress)
                .build(), seed.value() + 1);
        a.turnServer = turnAddress;
        Stepper st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(5000)));
        a.streamData(Duration.ofMillis(20));
        b.streamData(Duration.ofMillis(20));

        st.runUntil(() -> a.gatheringComplete, Duration.ofSeconds(5));
        IceCandidate relay = a.gathered.stream().filter(c -> c.type() == CandidateType.RELAYED).findFirst()
                .orElseThrow(() -> new AssertionError("no relay candidate in " + a.gathered));
        assertEquals(turnAddress.getAddress(), relay.address().getAddress());
        assertEquals(na.publicAddress(), relay.relatedAddress().getAddress(), "raddr is the mapped address");
        assertEquals(1, server.allocations(clock.nanos()));

        st.runUntil(() -> a.connected() && b.connected(), Duration.ofSeconds(15));
        assertEquals(CandidateType.RELAYED, a.agent.selectedPair().orElseThrow().local().type());
        st.runUntil(() -> a.dataReceived > 50 && b.dataReceived > 50, Duration.ofSeconds(5));
        assertTrue(server.relayedToPeers() > 50 && server.relayedToClients() > 50);
        assertTrue(a.channelDataSent > 0, "data goes as ChannelData once the channel is bound");

        // Refreshes keep the allocation, its permission and the channel alive well past their lifetimes.
        long before = a.dataReceived;
        st.runFor(Duration.ofMinutes(15));
        assertEquals(1, server.allocations(clock.nanos()));
        assertTrue(a.connected() && b.connected(), a + " " + b);
        assertTrue(a.dataReceived > before + 40_000, "relayed data kept flowing: " + (a.dataReceived - before));

        a.agent.close(clock.nanos());
        st.runFor(Duration.ofSeconds(1));
        assertEquals(0, server.allocations(clock.nanos()), "close() deallocates");
    }

    @Test
    void relayOnlyPolicyUsesTheRelayEvenOnAnOpenNetwork(TestSeed seed) throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        InetSocketAddress turnAddress = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 3478);
        dev.jwebrtc.testkit.TurnServer server = net.addTurnServer(turnAddress, "example.org", Map.of("bob", "pw"));
        Host ha = net.addHost("a", "192.0.2.10", NetemConfig.NONE);
        Host hb = net.addHost("b", "192.0.2.20", NetemConfig.NONE);
        IcePeer a = new IcePeer("a", clock, IceConfig.builder().relayOnly(true)
                .turnServer(new TurnServer(turnAddress, "bob", "pw")).build(), seed.value());
        IcePeer b = new IcePeer("b", clock, IceConfig.builder().role(IceRole.CONTROLLED).build(), seed.value() + 1);
        a.turnServer = turnAddress;
        Stepper st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(5000)));
        a.streamData(Duration.ofMillis(20));
        try {
            st.runUntil(() -> a.connected() && b.connected() && b.dataReceived > 20, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            throw new AssertionError(a + " " + b + " " + a.events + " " + b.events + " " + b.dataReceived, e);
        }
        assertTrue(a.gathered.stream().allMatch(c -> c.type() == CandidateType.RELAYED), a.gathered.toString());
        assertEquals(CandidateType.RELAYED, a.agent.selectedPair().orElseThrow().local().type());
        assertEquals(turnAddress.getAddress(), b.agent.selectedPair().orElseThrow().remote().address().getAddress());
        assertTrue(server.relayedToPeers() > 20);
    }
}
