package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.RepeatedTest;

/**
 * RFC 7675: with the link cut, the agent reports "disconnected" within seconds (missed consent responses)
 * and "failed" when consent expires, 30 s after the last response, then stops sending data.
 */
class IceConsentFreshnessTest {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(20)).build();

    @RepeatedTest(3)
    void cutLinkGoesDisconnectedThenFailedWithinRfcBounds(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlled()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        t.st.runFor(Duration.ofSeconds(10));
        long cut = t.clock.nanos();
        t.ha.setLink(NetemConfig.builder().loss(1.0).build());

        t.st.runUntil(() -> t.a.agent.connectionState() == IceConnectionState.DISCONNECTED, Duration.ofSeconds(10));
        long disconnectedAfter = t.clock.nanos() - cut;
        // Next consent check at most 6 s away, then three unanswered transmissions (0.5 s + 1 s).
        assertTrue(disconnectedAfter <= Duration.ofMillis(7600).toNanos(), "disconnected after " + disconnectedAfter);

        t.st.runUntil(() -> t.a.agent.connectionState() == IceConnectionState.FAILED, Duration.ofSeconds(40));
        long failedAfter = t.clock.nanos() - cut;
        // The last response came at most one consent interval (6 s) before the cut; consent lasts 30 s.
        assertTrue(failedAfter >= Duration.ofSeconds(24).toNanos(), "failed too early: " + failedAfter);
        assertTrue(failedAfter <= Duration.ofSeconds(30).toNanos() + 1, "failed too late: " + failedAfter);
        assertFalse(t.a.agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80})), "no data after consent loss");
        // b's last response may have come up to one consent interval after a's.
        t.st.runUntil(() -> t.b.agent.connectionState() == IceConnectionState.FAILED, Duration.ofSeconds(7));
        assertTrue(t.clock.nanos() - cut <= Duration.ofSeconds(30).toNanos() + 1);
    }

    @RepeatedTest(3)
    void briefOutageRecoversFromDisconnected(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlled()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        t.ha.setLink(NetemConfig.builder().loss(1.0).build());
        t.st.runUntil(() -> t.a.agent.connectionState() == IceConnectionState.DISCONNECTED, Duration.ofSeconds(10));
        t.ha.setLink(LINK);
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(10));
        t.st.runFor(Duration.ofSeconds(40));
        assertTrue(t.a.connected() && t.b.connected());
    }
}
