package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.stun.ErrorCode;
import dev.jwebrtc.ice.stun.IceControlled;
import dev.jwebrtc.ice.stun.IceControlling;
import dev.jwebrtc.ice.stun.Priority;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunKeys;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.UnknownAttribute;
import dev.jwebrtc.ice.stun.UnknownAttributes;
import dev.jwebrtc.ice.stun.UseCandidate;
import dev.jwebrtc.ice.stun.Username;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One controlled agent driven by hand-made STUN: 420, 487, aggressive nomination, bad input. */
class IceAgentAnswersChecksTest {

    private static final IceCredentials REMOTE = new IceCredentials("rmte", "remotepasswordremotepassword");
    private long now = 1_000_000_000L;
    private IceAgent agent;
    private InetSocketAddress local;
    private final SplittableRandom random = new SplittableRandom(7);

    @BeforeEach
    void setUp() throws Exception {
        agent = new IceAgent(IceConfig.builder().role(IceRole.CONTROLLED).build(), new SplittableRandom(3));
        local = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5000);
        agent.gather(now, List.of(local));
        agent.setRemoteCredentials(now, REMOTE);
        drain();
    }

    private InetSocketAddress peer(int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName("192.0.2.2"), port);
    }

    private byte[] request(long tieBreaker, boolean controlling, boolean useCandidate, long priority,
            @Nullable UnknownAttribute extra) {
        StunMessage.Builder b = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST,
                        StunMessage.newTransactionId(random))
                .add(new Username(agent.localCredentials().ufrag() + ":" + REMOTE.ufrag()))
                .add(new Priority(priority))
                .add(controlling ? new IceControlling(tieBreaker) : new IceControlled(tieBreaker));
        if (useCandidate) {
            b.add(new UseCandidate());
        }
        if (extra != null) {
            b.add(extra);
        }
        return b.integrity(StunKeys.shortTerm(agent.localCredentials().password())).fingerprint().encode();
    }

    private List<StunMessage> drain() {
        List<StunMessage> out = new ArrayList<>();
        Transmit t;
        while ((t = agent.pollTransmit()) != null) {
            StunMessage.decode(t.payload()).ifPresent(out::add);
        }
        while (agent.pollEvent() != null) {
            // events are not under test here
        }
        return out;
    }

    /** Answers every check the agent sent (as the peer at {@code from}) and runs its timers for a while. */
    private void answerChecks(long millis) {
        for (long end = now + millis * 1_000_000; now < end; now += 10_000_000) {
            agent.handleTimeout(now);
            Transmit t;
            List<Transmit> sent = new ArrayList<>();
            while ((t = agent.pollTransmit()) != null) {
                sent.add(t);
            }
            for (Transmit s : sent) {
                StunMessage m = StunMessage.decode(s.payload()).orElseThrow();
                if (m.messageClass() == StunClass.REQUEST) {
                    byte[] res = StunMessage.responseTo(m, StunClass.SUCCESS_RESPONSE)
                            .add(new XorMappedAddress(s.source()))
                            .integrity(StunKeys.shortTerm(REMOTE.password())).fingerprint().encode();
                    agent.handleReceive(now, s.destination(), s.source(), ByteBuffer.wrap(res));
                }
            }
            while (agent.pollEvent() != null) {
                // drained
            }
        }
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() throws Exception {
        agent.handleReceive(now, peer(7000), local,
                ByteBuffer.wrap(request(1, true, false, 100, new UnknownAttribute(0x7ABC, new byte[] {1}))));
        StunMessage res = drain().get(0);
        assertEquals(StunClass.ERROR_RESPONSE, res.messageClass());
        assertEquals(420, res.attribute(ErrorCode.class).orElseThrow().code());
        assertEquals(List.of(0x7ABC), res.attribute(UnknownAttributes.class).orElseThrow().types());
        // An unknown comprehension-optional attribute is simply ignored.
        agent.handleReceive(now, peer(7000), local,
                ByteBuffer.wrap(request(1, true, false, 100, new UnknownAttribute(0xFABC, new byte[] {1}))));
        assertEquals(StunClass.SUCCESS_RESPONSE, drain().get(0).messageClass());
    }

    @Test
    void controlledAgentWithLowerTieBreakerAnswers487ToControlled() throws Exception {
        // Both controlled: the agent with the larger tie-breaker switches to controlling (RFC 8445 §7.3.1.1).
        agent.handleReceive(now, peer(7000), local, ByteBuffer.wrap(request(-1L, false, false, 100, null)));
        List<StunMessage> out = drain();
        boolean answered487 = out.stream().anyMatch(m -> m.attribute(ErrorCode.class).map(e -> e.code() == 487)
                .orElse(false));
        // Tie-breakers compare unsigned: -1 is the largest, so ours is smaller and we answer 487.
        assertTrue(answered487, "487 expected, got " + out);
        assertEquals(IceRole.CONTROLLED, agent.role());
        agent.handleReceive(now, peer(7001), local, ByteBuffer.wrap(request(0, false, false, 100, null)));
        drain();
        assertEquals(IceRole.CONTROLLING, agent.role(), "a zero tie-breaker loses: we take control");
    }

    @Test
    void aggressiveNominationSelectsTheBestNominatedPairAndSwitchesUp() throws Exception {
        // The remote nominates on every check (aggressive nomination): first a low-priority pair...
        agent.handleReceive(now, peer(7000), local, ByteBuffer.wrap(request(5, true, true, 1000, null)));
        answerChecks(300);
        assertEquals(peer(7000), agent.selectedPair().orElseThrow().remote().address());
        assertEquals(CandidateType.PEER_REFLEXIVE, agent.selectedPair().orElseThrow().remote().type());
        // ...then a better one: the agent switches to it.
        agent.handleReceive(now, peer(7001), local, ByteBuffer.wrap(request(5, true, true, 2_000_000_000L, null)));
        answerChecks(300);
        assertEquals(peer(7001), agent.selectedPair().orElseThrow().remote().address());
        // A worse one nominated later does not take over.
        agent.handleReceive(now, peer(7002), local, ByteBuffer.wrap(request(5, true, true, 10, null)));
        answerChecks(300);
        assertEquals(peer(7001), agent.selectedPair().orElseThrow().remote().address());
    }

    @Test
    void badInputIsDroppedAndCountedNeverThrown(TestSeed seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed.value());
        byte[] good = request(1, true, false, 100, null);
        for (int i = 0; i < 5000; i++) {
            byte[] b = good.clone();
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            if (i % 3 == 0) {
                b = new byte[r.nextInt(0, 100)];
                r.nextBytes(b);
            }
            byte[] input = b;
            assertDoesNotThrow(() -> agent.handleReceive(now, peer(7000), local, ByteBuffer.wrap(input)));
            assertDoesNotThrow(() -> agent.handleTimeout(now));
            drain();
        }
        assertTrue(agent.droppedDatagrams() > 1000, "dropped " + agent.droppedDatagrams());
        // The same from the mDNS group and from an address that is no local socket.
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName("224.0.0.251"), 5353);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(0, 80)];
            r.nextBytes(b);
            assertDoesNotThrow(() -> agent.handleReceive(now, peer(5353), group, ByteBuffer.wrap(b)));
            assertDoesNotThrow(() -> agent.handleReceive(now, peer(7000), peer(1), ByteBuffer.wrap(b)));
            drain();
        }
        // Wrong password: dropped silently.
        long before = agent.droppedDatagrams();
        byte[] forged = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, new byte[12])
                .add(new Username(agent.localCredentials().ufrag() + ":x"))
                .integrity(StunKeys.shortTerm("not-the-password")).fingerprint().encode();
        agent.handleReceive(now, peer(7000), local, ByteBuffer.wrap(forged));
        assertTrue(drain().isEmpty());
        assertEquals(before + 1, agent.droppedDatagrams());
        assertFalse(agent.selectedPair().isPresent());
    }
}
