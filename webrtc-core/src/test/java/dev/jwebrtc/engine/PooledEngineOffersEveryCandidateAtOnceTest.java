package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCIceServer;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.Nat;
import dev.jwebrtc.testkit.NatBehavior;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * W3C {@code iceCandidatePoolSize} on the virtual network (deterministic): a pooled engine asks the STUN server as
 * soon as it exists, surfaces nothing before its first description, and that description already has the
 * server-reflexive candidate and end-of-candidates; an engine without a pool starts only then.
 */
class PooledEngineOffersEveryCandidateAtOnceTest {

    private static final DtlsCertificate CERT = DtlsCertificate.generate();

    @Test
    void thePooledOfferIsCompleteWhileTheUnpooledOneHasNothingYet(TestSeed seed) throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(40)).build();
        InetSocketAddress stun = new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 3478);
        net.addStunServer(stun);
        Nat natA = net.addNat("nat-a", "203.0.113.1", NatBehavior.FULL_CONE, link);
        Nat natB = net.addNat("nat-b", "203.0.113.2", NatBehavior.FULL_CONE, link);
        Host hostA = natA.addHost("a", "10.0.0.2", NetemConfig.NONE);
        Host hostB = natB.addHost("b", "10.1.0.2", NetemConfig.NONE);
        RTCConfiguration.Builder config = RTCConfiguration.builder()
                .iceServers(List.of(RTCIceServer.of("stun:198.51.100.1:3478")));
        SplittableRandom random = new SplittableRandom(seed.value());
        RtcEngine pooled = new RtcEngine(config.iceCandidatePoolSize(1).build(), RTCSettings.DEFAULT, CERT,
                random.split(), List.of(hostA.socket(5000)), () -> { }, clock.nanos());
        RtcEngine unpooled = new RtcEngine(config.iceCandidatePoolSize(0).build(), RTCSettings.DEFAULT, CERT,
                random.split(), List.of(hostB.socket(6000)), () -> { }, clock.nanos());
        List<EngineEvent> pooledEvents = new ArrayList<>();
        List<EngineEvent> unpooledEvents = new ArrayList<>();
        Stepper stepper = new Stepper(net);
        stepper.attach(EnginePair.adapt(pooled), pooledEvents::add, hostA);
        stepper.attach(EnginePair.adapt(unpooled), unpooledEvents::add, hostB);

        stepper.runFor(Duration.ofSeconds(1));
        assertTrue(pooled.stats().localCandidates().stream().anyMatch(c -> c.type() == CandidateType.SERVER_REFLEXIVE
                && c.address().getAddress().equals(natA.publicAddress())), pooled.stats().localCandidates().toString());
        assertTrue(gathering(pooledEvents).isEmpty(), "nothing surfaced before a description: " + pooledEvents);
        assertTrue(unpooled.stats().localCandidates().isEmpty(), "no pool, no gathering yet");

        long now = clock.nanos();
        for (RtcEngine e : List.of(pooled, unpooled)) {
            e.createDataChannel(now, "x", RTCDataChannelInit.reliable());
            e.setLocalDescription(now, null, null);
        }
        String pooledOffer = pooled.localDescription();
        assertTrue(pooledOffer.contains(" 203.0.113.1 ") && pooledOffer.contains(" typ srflx raddr 10.0.0.2 "),
                pooledOffer);
        assertTrue(pooledOffer.contains("a=end-of-candidates"), pooledOffer);
        String unpooledOffer = unpooled.localDescription();
        assertFalse(unpooledOffer.contains("typ srflx") || unpooledOffer.contains("a=end-of-candidates"),
                "an unpooled engine has only just started: " + unpooledOffer);

        // The pooled engine's events, in W3C order: gathering, each candidate, end-of-candidates, complete.
        EngineEvent e;
        while ((e = pooled.pollEvent()) != null) {
            pooledEvents.add(e);
        }
        List<String> order = gathering(pooledEvents);
        assertEquals(List.of("state gathering", "candidate host", "candidate srflx", "end-of-candidates",
                "state complete"), order);

        stepper.runUntil(() -> unpooled.localDescription().contains("a=end-of-candidates"), Duration.ofSeconds(5));
        assertTrue(unpooled.localDescription().contains(" 203.0.113.2 "), "the unpooled engine gets there later");
        pooled.close(clock.nanos());
        unpooled.close(clock.nanos());
    }

    private static List<String> gathering(List<EngineEvent> events) {
        List<String> out = new ArrayList<>();
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.IceGatheringStateChanged s) {
                out.add("state " + s.state().name().toLowerCase(java.util.Locale.ROOT));
            } else if (e instanceof EngineEvent.IceCandidateGathered g) {
                out.add(g.candidate().isEndOfCandidates() ? "end-of-candidates"
                        : "candidate " + g.candidate().candidate().replaceAll(".* typ (\\w+).*", "$1"));
            }
        }
        return out;
    }
}
