package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCIceServer;
import dev.jwebrtc.RTCSdpType;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.Nat;
import dev.jwebrtc.testkit.NatBehavior;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngineUsesStunServersGivenByNameTest {

    @Test
    void aStunServerGivenByNameYieldsAServerReflexiveCandidate() throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, 3);
        InetSocketAddress stun = new InetSocketAddress(InetAddress.getByName("198.51.100.77"), 3478);
        net.addStunServer(stun);
        Nat nat = net.addNat("nat", "203.0.113.9", NatBehavior.PORT_RESTRICTED_CONE, NetemConfig.NONE);
        Host host = nat.addHost("a", "192.168.7.2", NetemConfig.NONE);
        RTCConfiguration config = RTCConfiguration.builder()
                .addIceServer(RTCIceServer.of("stun:stun.example.test:3478")).build();
        RtcEngine engine = new RtcEngine(config, RTCSettings.DEFAULT, DtlsCertificate.generate(),
                new SplittableRandom(3), List.of(host.socket(5000)),
                Map.of("stun.example.test", stun.getAddress()), () -> { }, clock.nanos());
        Stepper stepper = new Stepper(net);
        Stepper.Peer<EngineEvent> peer = stepper.attach(EnginePair.adapt(engine), host);
        try {
            engine.createDataChannel(clock.nanos(), "x", RTCDataChannelInit.reliable());
            engine.setLocalDescription(clock.nanos(), RTCSdpType.OFFER, null);
            stepper.runUntil(() -> peer.events().stream().anyMatch(e -> e instanceof EngineEvent.IceCandidateGathered g
                    && g.candidate().candidate().contains("typ srflx")), Duration.ofSeconds(5));
            assertTrue(engine.localDescription().contains("203.0.113.9"), engine.localDescription());
            assertTrue(net.stats().stunAnswered() >= 1);
        } finally {
            engine.close(clock.nanos());
        }
    }
}
