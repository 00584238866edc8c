package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** IPv4 and IPv6 host candidates on both sides: pairs stay within one family and the agents connect. */
class IceConnectsDualStackTest {

    @Test
    void dualStackAgentsPairOnlyWithinAFamily(TestSeed seed) {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).build();
        Host a4 = net.addHost("a4", "192.0.2.10", link);
        Host a6 = net.addHost("a6", "2001:db8::a", link);
        Host b4 = net.addHost("b4", "192.0.2.20", link);
        Host b6 = net.addHost("b6", "2001:db8::b", link);
        IcePeer a = new IcePeer("a", clock, TwoAgents.controlling(), seed.value());
        IcePeer b = new IcePeer("b", clock, TwoAgents.controlled(), seed.value() + 1);
        Stepper st = new Stepper(net);
        st.attach(a, a6, a4);
        st.attach(b, b6, b4);
        IcePeer.signal(a, b);
        // IPv6 first: it gets the higher local preference (RFC 8421 favours IPv6).
        a.agent.gather(clock.nanos(), List.of(a6.socket(5000), a4.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(b6.socket(5000), b4.socket(5000)));
        st.runUntil(() -> a.connected() && b.connected(), Duration.ofSeconds(5));
        st.runUntil(() -> a.agent.connectionState() == IceConnectionState.COMPLETED, Duration.ofSeconds(5));
        assertEquals(b6.socket(5000), a.agent.selectedPair().orElseThrow().remote().address());
        assertEquals(0, a.crossFamilyTransmits + b.crossFamilyTransmits);
        assertEquals(4, a.gathered.size() + b.gathered.size());
        assertTrue(a.stunRequestsSent >= 2, "both families were checked");
    }

    @Test
    void consentChecksComeEveryFourToSixSeconds(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(10)).build(),
                TwoAgents.controlling(), TwoAgents.controlled()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        t.st.runFor(Duration.ofSeconds(1));
        long before = t.a.stunRequestsSent;
        t.st.runFor(Duration.ofSeconds(120));
        long consent = t.a.stunRequestsSent - before;
        // RFC 7675 §5.1: uniformly 4..6 s, so 20..30 checks in 120 s (one more at the edges).
        assertTrue(consent >= 20 && consent <= 31, "consent checks in 120 s: " + consent);
    }
}
