package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two full agents on public addresses find each other with host candidates and carry data both ways. */
class IceAgentsConnectOnHostCandidatesTest {

    @Test
    void twoFullAgentsConnectAndComplete(TestSeed seed) {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(20)).build();
        Host ha = net.addHost("a", "192.0.2.10", link);
        Host hb = net.addHost("b", "192.0.2.20", link);
        IcePeer a = new IcePeer("a", clock, IceConfig.builder().role(IceRole.CONTROLLING).build(), seed.value());
        IcePeer b = new IcePeer("b", clock, IceConfig.builder().role(IceRole.CONTROLLED).build(), seed.value() + 1);
        Stepper st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(6000)));
        a.streamData(Duration.ofMillis(20));
        b.streamData(Duration.ofMillis(20));

        st.runUntil(() -> a.connected() && b.connected(), Duration.ofSeconds(5));
        st.runUntil(() -> a.dataReceived > 10 && b.dataReceived > 10, Duration.ofSeconds(2));

        assertEquals(CandidateType.HOST, a.agent.selectedPair().orElseThrow().local().type());
        assertEquals(hb.socket(6000), a.agent.selectedPair().orElseThrow().remote().address());
        assertEquals(ha.socket(5000), b.agent.selectedPair().orElseThrow().remote().address());
        st.runUntil(() -> a.agent.connectionState() == IceConnectionState.COMPLETED
                && b.agent.connectionState() == IceConnectionState.COMPLETED, Duration.ofSeconds(5));
        // The state sequence a browser would report.
        assertEquals(List.of(IceConnectionState.CHECKING, IceConnectionState.CONNECTED, IceConnectionState.COMPLETED),
                a.eventsOf(IceEvent.ConnectionStateChanged.class).stream()
                        .map(IceEvent.ConnectionStateChanged::state).toList());
        assertEquals(1, a.eventsOf(IceEvent.SelectedPairChanged.class).size());
        assertNotEquals(a.agent.role(), b.agent.role());
        IceCandidatePairInfo info = a.agent.candidatePairs().stream().filter(IceCandidatePairInfo::selected)
                .findFirst().orElseThrow();
        assertEquals(IceCandidatePairState.SUCCEEDED, info.state());
        assertTrue(info.nominated());
        assertEquals(List.of(hb.socket(6000)), a.agent.remoteCandidates().stream().map(IceCandidate::address).toList());
        // Consent keeps the connection alive for a minute with no state change.
        st.runFor(Duration.ofSeconds(60));
        assertEquals(IceConnectionState.COMPLETED, a.agent.connectionState());
        assertEquals(IceConnectionState.COMPLETED, b.agent.connectionState());
        assertTrue(b.dataReceived > 2500, "data received " + b.dataReceived);
        assertEquals(0, a.agent.droppedDatagrams());
        assertEquals(0, b.agent.droppedDatagrams());
    }
}
