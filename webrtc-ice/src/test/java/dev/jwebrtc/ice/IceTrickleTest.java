package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8838: candidates arrive late, and before the credentials; end-of-candidates finishes checking. */
class IceTrickleTest {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(30)).build();

    @Test
    void lateCandidatesStillConnectAndStayInCheckingMeanwhile(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlled());
        t.b.holdCandidates = true;
        t.start();
        t.st.runFor(Duration.ofSeconds(2));
        // b has checked a (a's candidates arrived); a learnt b as peer-reflexive but may not nominate without
        // b's candidates it never heard of... it may connect via prflx; either way, b's late candidates join.
        t.b.releaseCandidates();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        t.st.runUntil(() -> t.a.agent.connectionState() == IceConnectionState.COMPLETED
                && t.b.agent.connectionState() == IceConnectionState.COMPLETED, Duration.ofSeconds(5));
    }

    @Test
    void remoteCandidatesBeforeCredentialsAreCheckedOnceCredentialsArrive(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlled());
        // Candidates first, no credentials yet: gather and trickle, but no signal() yet.
        t.a.remote = t.b;
        t.b.remote = t.a;
        t.a.agent.gather(t.clock.nanos(), List.of(t.ha.socket(5000)));
        t.b.agent.gather(t.clock.nanos(), List.of(t.hb.socket(5000)));
        t.st.runFor(Duration.ofSeconds(1));
        assertEquals(IceConnectionState.NEW, t.a.agent.connectionState());
        assertTrue(t.st.network().stats().toString().length() > 0);
        t.a.agent.setRemoteCredentials(t.clock.nanos(), t.b.agent.localCredentials());
        t.b.agent.setRemoteCredentials(t.clock.nanos(), t.a.agent.localCredentials());
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(3));
    }

    @Test
    void checksFromAnUnknownAddressCreatePeerReflexiveCandidates(TestSeed seed) {
        TwoAgents t = new TwoAgents(seed.value(), LINK, TwoAgents.controlling(), TwoAgents.controlled());
        t.a.holdCandidates = true; // b never learns a's candidates: it only sees a's checks
        t.start();
        t.st.runUntil(t::bothConnected, Duration.ofSeconds(5));
        assertEquals(CandidateType.PEER_REFLEXIVE, t.b.agent.selectedPair().orElseThrow().remote().type());
        assertEquals(t.ha.socket(5000), t.b.agent.selectedPair().orElseThrow().remote().address());
        // When a's candidates finally arrive, the peer-reflexive candidate becomes the signalled host candidate.
        t.a.releaseCandidates();
        t.st.runFor(Duration.ofMillis(100));
        assertEquals(CandidateType.HOST, t.b.agent.selectedPair().orElseThrow().remote().type());
        assertEquals(t.ha.socket(5000), t.b.agent.selectedPair().orElseThrow().remote().address());
    }
}
