package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** RFC 8445 §7.3.1.1 / §7.2.5.1: two agents that both claim a role settle on opposite roles and connect. */
class IceResolvesRoleConflictsTest {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(25)).build();

    @RepeatedTest(4)
    void bothControllingEndUpOpposite(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlling()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        assertNotEquals(t.a.agent.role(), t.b.agent.role());
        assertFalse(t.a.eventsOf(IceEvent.RoleChanged.class).isEmpty()
                && t.b.eventsOf(IceEvent.RoleChanged.class).isEmpty(), "someone switched");
        assertEquals(t.a.agent.selectedPair().orElseThrow().local().address(),
                t.b.agent.selectedPair().orElseThrow().remote().address());
    }

    @RepeatedTest(4)
    void bothControlledEndUpOpposite(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlled(), TwoAgents.controlled()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        assertNotEquals(t.a.agent.role(), t.b.agent.role());
    }
}
