package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** RFC 8445 §9: a restart brings new credentials and a fresh checklist while data keeps flowing. */
class IceRestartTest {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(25)).build();

    @RepeatedTest(3)
    void restartKeepsDataFlowingAndSelectsAgain(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlled()).start();
        t.a.streamData(Duration.ofMillis(20));
        t.b.streamData(Duration.ofMillis(20));
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        t.st.runFor(Duration.ofSeconds(3));
        IceCredentials oldA = t.a.agent.localCredentials();
        int selectionsBefore = t.a.eventsOf(IceEvent.SelectedPairChanged.class).size();

        // Offer/answer with ice restart: both restart, then exchange the new credentials and candidates.
        long now = t.clock.nanos();
        t.a.agent.restart(now);
        t.b.agent.restart(now);
        long receivedAtRestart = t.b.dataReceived;
        t.st.runFor(Duration.ofMillis(500)); // signalling delay: the old pair still carries data
        assertTrue(t.b.dataReceived > receivedAtRestart + 15, "data flowed during the restart");
        assertTrue(t.a.connected(), "still connected on the old pair");
        IcePeer.signal(t.a, t.b);

        t.st.runUntil(() -> t.a.eventsOf(IceEvent.SelectedPairChanged.class).size() > selectionsBefore
                && t.bothConnected(), Duration.ofSeconds(5));
        assertNotEquals(oldA, t.a.agent.localCredentials());
        long before = t.b.dataReceived;
        t.st.runFor(Duration.ofSeconds(40));
        assertTrue(t.b.dataReceived > before + 1500, "data after restart " + (t.b.dataReceived - before));
        assertTrue(t.a.connected() && t.b.connected());
    }
}
