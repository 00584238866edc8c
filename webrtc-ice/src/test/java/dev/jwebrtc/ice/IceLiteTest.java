package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 8445 §2.5: a lite agent answers checks and follows the full agent's nomination, sending no checks. */
class IceLiteTest {

    @Test
    void fullControllingAgentConnectsToLiteAgent(TestSeed seed) {
        IceConfig lite = IceConfig.builder().lite(true).role(IceRole.CONTROLLING).build();
        TwoAgents t = new TwoAgents(seed.value(), NetemConfig.builder().latency(Duration.ofMillis(20)).build(),
                TwoAgents.controlling(), lite).start();
        t.a.streamData(Duration.ofMillis(20));
        t.b.streamData(Duration.ofMillis(20));
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        t.st.runUntil(() -> t.a.dataReceived > 10 && t.b.dataReceived > 10, Duration.ofSeconds(2));
        assertEquals(IceRole.CONTROLLED, t.b.agent.role(), "a lite agent is always controlled");
        assertEquals(IceRole.CONTROLLING, t.a.agent.role());
        // The lite agent sent nothing but responses: every STUN it sent answered a request.
        t.st.runFor(Duration.ofSeconds(60));
        assertTrue(t.a.connected() && t.b.connected(), "consent from the full side keeps it up");
    }
}
