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
        // The lite agent sends no checks of its own, only responses.
        t.st.runFor(Duration.ofSeconds(60));
        assertTrue(t.a.connected() && t.b.connected(), "consent from the full side keeps it up");
        assertEquals(0, t.b.stunRequestsSent);
    }

    @Test
    void answererFacingALiteOffererTakesControl(TestSeed seed) {
        // Signalling: b offers as lite; a answers and, being the full agent, must control (RFC 8445 §6.1.1).
        IceConfig lite = IceConfig.builder().lite(true).build();
        TwoAgents t = new TwoAgents(seed.value(), NetemConfig.NONE, TwoAgents.controlled(), lite);
        t.a.agent.setRole(IceRole.CONTROLLING);
        t.start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        assertEquals(IceRole.CONTROLLING, t.a.agent.role());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> t.b.agent.setRole(IceRole.CONTROLLING));
    }

    @Test
    void idlePairGetsKeepalivesWhenConsentChecksAreRare(TestSeed seed) {
        // Consent checks also keep a pair warm (RFC 7675); with a 40 s interval, 15 s of silence triggers a
        // Binding indication (RFC 8445 §11).
        IceConfig.Builder cfg = IceConfig.builder().consentInterval(Duration.ofSeconds(40))
                .consentTimeout(Duration.ofSeconds(120));
        TwoAgents t = new TwoAgents(seed.value(), NetemConfig.NONE, cfg.role(IceRole.CONTROLLING).build(),
                cfg.role(IceRole.CONTROLLED).build()).start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        long dropped = t.b.agent.droppedDatagrams() + t.a.agent.droppedDatagrams();
        t.st.runFor(Duration.ofSeconds(31));
        assertTrue(t.a.keepalivesSent >= 1 && t.b.keepalivesSent >= 1, t.a.keepalivesSent + " " + t.b.keepalivesSent);
        assertEquals(dropped, t.b.agent.droppedDatagrams() + t.a.agent.droppedDatagrams(), "indications are accepted");
        assertTrue(t.a.connected() && t.b.connected());
    }
}
