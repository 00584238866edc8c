package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.stun.ErrorCode;
import dev.jwebrtc.ice.stun.Lifetime;
import dev.jwebrtc.ice.stun.Nonce;
import dev.jwebrtc.ice.stun.Realm;
import dev.jwebrtc.ice.stun.RequestedTransport;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunKeys;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.Username;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import dev.jwebrtc.ice.stun.XorRelayedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 8656 client details against a scripted server: 401 then 438 nonce handling, refresh, deallocation. */
class TurnClientHandlesNonceAndRefreshTest {

    private static final long SECOND = 1_000_000_000L;
    private final InetSocketAddress server = at("198.51.100.7", 3478);
    private final InetSocketAddress local = at("192.0.2.1", 5000);
    private final InetSocketAddress mapped = at("203.0.113.9", 41000);
    private final InetSocketAddress relayed = at("198.51.100.7", 50000);
    private final byte[] key = StunKeys.longTerm("alice", "example.org", "s3cret");
    private long now = 10 * SECOND;

    private static InetSocketAddress at(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private IceAgent agent(String password) {
        IceAgent agent = new IceAgent(IceConfig.builder().turnServer(new TurnServer(server, "alice", password))
                .build(), new SplittableRandom(5));
        agent.gather(now, List.of(local));
        return agent;
    }

    private static StunMessage next(IceAgent agent) {
        Transmit t = agent.pollTransmit();
        if (t == null) {
            throw new AssertionError("expected a request");
        }
        return StunMessage.decode(t.payload()).orElseThrow();
    }

    private void reply(IceAgent agent, byte[] wire) {
        agent.handleReceive(now, server, local, ByteBuffer.wrap(wire));
    }

    private static List<IceEvent> events(IceAgent agent) {
        List<IceEvent> out = new ArrayList<>();
        IceEvent e;
        while ((e = agent.pollEvent()) != null) {
            out.add(e);
        }
        return out;
    }

    @Test
    void allocatesAfter401And438ThenRefreshesAndDeallocates() {
        IceAgent agent = agent("s3cret");
        StunMessage first = next(agent);
        assertEquals(StunMethod.ALLOCATE, first.method());
        assertEquals(RequestedTransport.UDP, first.attribute(RequestedTransport.class).orElseThrow().protocol());
        assertFalse(first.has(Username.class), "the first Allocate carries no credentials");
        reply(agent, StunMessage.responseTo(first, StunClass.ERROR_RESPONSE).add(new ErrorCode(401, "Unauthorized"))
                .add(new Realm("example.org")).add(new Nonce("nonce-1")).encode());

        StunMessage second = next(agent);
        assertEquals("alice", second.attribute(Username.class).orElseThrow().value());
        assertEquals("nonce-1", second.attribute(Nonce.class).orElseThrow().value());
        assertTrue(second.verifyIntegrity(key), "long-term MESSAGE-INTEGRITY");
        reply(agent, StunMessage.responseTo(second, StunClass.ERROR_RESPONSE).add(new ErrorCode(438, "Stale Nonce"))
                .add(new Realm("example.org")).add(new Nonce("nonce-2")).encode());

        StunMessage third = next(agent);
        assertEquals("nonce-2", third.attribute(Nonce.class).orElseThrow().value());
        assertTrue(third.verifyIntegrity(key));
        reply(agent, StunMessage.responseTo(third, StunClass.SUCCESS_RESPONSE).add(new XorRelayedAddress(relayed))
                .add(new XorMappedAddress(mapped)).add(new Lifetime(600)).integrity(key).encode());
        List<IceEvent> ev = events(agent);
        List<IceCandidate> gathered = ev.stream().filter(IceEvent.CandidateGathered.class::isInstance)
                .map(e -> ((IceEvent.CandidateGathered) e).candidate()).toList();
        assertTrue(gathered.stream().anyMatch(c -> c.type() == CandidateType.RELAYED && c.address().equals(relayed)
                && mapped.equals(c.relatedAddress())), gathered.toString());
        assertTrue(gathered.stream().anyMatch(c -> c.type() == CandidateType.SERVER_REFLEXIVE
                && c.address().equals(mapped)), "XOR-MAPPED-ADDRESS of the Allocate gives a srflx too");
        assertTrue(ev.contains(new IceEvent.GatheringComplete()));
        assertNull(agent.pollTransmit());

        // RFC 8656 §8: refresh a minute before the 600 s lifetime ends.
        assertEquals(now + 540 * SECOND, agent.pollTimeout());
        now = agent.pollTimeout();
        agent.handleTimeout(now);
        StunMessage refresh = next(agent);
        assertEquals(StunMethod.REFRESH, refresh.method());
        assertEquals(600, refresh.attribute(Lifetime.class).orElseThrow().seconds());
        assertTrue(refresh.verifyIntegrity(key));
        reply(agent, StunMessage.responseTo(refresh, StunClass.SUCCESS_RESPONSE).add(new Lifetime(600)).integrity(key)
                .encode());
        assertEquals(now + 540 * SECOND, agent.pollTimeout());

        agent.close(now);
        StunMessage delete = next(agent);
        assertEquals(StunMethod.REFRESH, delete.method());
        assertEquals(0, delete.attribute(Lifetime.class).orElseThrow().seconds());
        assertEquals(IceConnectionState.CLOSED, agent.connectionState());
    }

    @Test
    void wrongPasswordGivesUpAndGatheringStillCompletes() {
        IceAgent agent = agent("wrong");
        for (int i = 0; i < 3; i++) {
            StunMessage req = next(agent);
            reply(agent, StunMessage.responseTo(req, StunClass.ERROR_RESPONSE).add(new ErrorCode(401, "Unauthorized"))
                    .add(new Realm("example.org")).add(new Nonce("nonce-1")).encode());
        }
        assertNull(agent.pollTransmit(), "no endless retry on bad credentials");
        List<IceEvent> ev = events(agent);
        assertTrue(ev.contains(new IceEvent.GatheringComplete()));
        assertTrue(ev.stream().noneMatch(e -> e instanceof IceEvent.CandidateGathered g
                && g.candidate().type() == CandidateType.RELAYED));
    }

    @Test
    void tryAlternateMovesTheAllocationToTheOtherServerOnce() {
        IceAgent agent = agent("s3cret");
        InetSocketAddress alternate = at("198.51.100.8", 3478);
        StunMessage first = next(agent);
        reply(agent, StunMessage.responseTo(first, StunClass.ERROR_RESPONSE).add(new ErrorCode(300, "Try Alternate"))
                .add(new dev.jwebrtc.ice.stun.AlternateServer(alternate)).encode());
        Transmit retry = agent.pollTransmit();
        assertEquals(alternate, retry.destination());
        StunMessage m = StunMessage.decode(retry.payload()).orElseThrow();
        assertEquals(StunMethod.ALLOCATE, m.method());
        assertFalse(m.has(Username.class), "credentials start over at the new server");
        // The alternate answers from its own address; the old server is no longer ours.
        agent.handleReceive(now, alternate, local, ByteBuffer.wrap(StunMessage.responseTo(m, StunClass.ERROR_RESPONSE)
                .add(new ErrorCode(401, "Unauthorized")).add(new Realm("example.org")).add(new Nonce("n")).encode()));
        StunMessage authed = StunMessage.decode(agent.pollTransmit().payload()).orElseThrow();
        assertTrue(authed.verifyIntegrity(key));
    }

    @Test
    void forgedSuccessWithoutIntegrityIsIgnored() {
        IceAgent agent = agent("s3cret");
        StunMessage first = next(agent);
        reply(agent, StunMessage.responseTo(first, StunClass.ERROR_RESPONSE).add(new ErrorCode(401, "Unauthorized"))
                .add(new Realm("example.org")).add(new Nonce("n")).encode());
        StunMessage second = next(agent);
        reply(agent, StunMessage.responseTo(second, StunClass.SUCCESS_RESPONSE).add(new XorRelayedAddress(relayed))
                .encode());
        assertTrue(agent.droppedDatagrams() > 0);
        assertEquals(IceGatheringState.GATHERING, agent.gatheringState());
    }
}
