package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Checks and nomination survive 10% loss with reordering; consent survives it for minutes. */
class IceConnectsUnderLossAndReorderingTest {

    private static final NetemConfig LOSSY = NetemConfig.builder().latency(Duration.ofMillis(40))
            .jitter(Duration.ofMillis(10)).loss(0.10).reorder(0.2, Duration.ofMillis(30)).duplicate(0.02).build();

    @RepeatedTest(5)
    void connectsUnderTenPercentLoss(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LOSSY, TwoAgents.controlling(), TwoAgents.controlled()).start();
        t.a.streamData(Duration.ofMillis(20));
        t.b.streamData(Duration.ofMillis(20));
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(10));
        t.st.runUntil(() -> t.a.dataReceived > 50 && t.b.dataReceived > 50, Duration.ofSeconds(5));
        assertEquals(t.a.agent.selectedPair().orElseThrow().remote().address(), t.hb.socket(5000));
    }

    @Test
    void consentSurvivesFiveMinutesOfTenPercentLoss(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LOSSY, TwoAgents.controlling(), TwoAgents.controlled()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(10));
        t.st.runFor(Duration.ofMinutes(5));
        assertTrue(t.a.connected() && t.b.connected(), t.a + " " + t.b);
        assertTrue(t.a.eventsOf(IceEvent.ConnectionStateChanged.class).stream()
                .noneMatch(e -> e.state() == IceConnectionState.FAILED));
    }
}
