package dev.jwebrtc.engine;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCSdpType;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.testkit.Datagram;
import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.SansIoEndpoint;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** Two engines on the testkit's virtual network, with trickled candidates and a helper per signaling step. */
final class EnginePair {

    /** Certificates are slow to make; the tests share two. */
    private static final DtlsCertificate CERT_A = DtlsCertificate.generate();
    private static final DtlsCertificate CERT_B = DtlsCertificate.generate();

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork net;
    final Stepper stepper;
    final RtcEngine a;
    final RtcEngine b;
    final List<EngineEvent> eventsA = new ArrayList<>();
    final List<EngineEvent> eventsB = new ArrayList<>();
    private final Host hostA;
    private final Host hostB;

    EnginePair(long seed, NetemConfig link) {
        net = new VirtualNetwork(clock, seed);
        hostA = net.addHost("a", "198.51.100.1", link);
        hostB = net.addHost("b", "198.51.100.2", link);
        stepper = new Stepper(net);
        SplittableRandom random = new SplittableRandom(seed);
        a = new RtcEngine(RTCConfiguration.DEFAULT, RTCSettings.DEFAULT, CERT_A, random.split(),
                List.of(hostA.socket(5000)), () -> { }, clock.nanos());
        b = new RtcEngine(RTCConfiguration.DEFAULT, RTCSettings.DEFAULT, CERT_B, random.split(),
                List.of(hostB.socket(6000)), () -> { }, clock.nanos());
        stepper.attach(adapt(a), e -> onEvent(e, eventsA, b), hostA);
        stepper.attach(adapt(b), e -> onEvent(e, eventsB, a), hostB);
    }

    private void onEvent(EngineEvent event, List<EngineEvent> log, RtcEngine other) {
        log.add(event);
        if (event instanceof EngineEvent.IceCandidateGathered gathered) {
            other.addIceCandidate(clock.nanos(), gathered.candidate());
        }
    }

    /** A offers, B answers (implicit setLocalDescription on both sides). */
    void negotiate() {
        long now = clock.nanos();
        String offer = a.setLocalDescription(now, null, null);
        b.setRemoteDescription(now, RTCSdpType.OFFER, offer);
        String answer = b.setLocalDescription(now, null, null);
        a.setRemoteDescription(now, RTCSdpType.ANSWER, answer);
    }

    /** Negotiates (A offers) and runs until both connections are connected (ICE and DTLS). */
    void negotiateAndConnect() {
        negotiate();
        runUntilOrDump(() -> connected(eventsA) && connected(eventsB), Duration.ofSeconds(30));
    }

    static boolean connected(List<EngineEvent> events) {
        return of(events, EngineEvent.ConnectionStateChanged.class).stream()
                .anyMatch(e -> e.state() == dev.jwebrtc.RTCPeerConnectionState.CONNECTED);
    }

    /** Replaces both hosts' links. */
    void setLinks(NetemConfig link) {
        hostA.setLink(link);
        hostB.setLink(link);
    }

    void runFor(Duration duration) {
        stepper.runFor(duration);
    }

    void runUntil(java.util.function.BooleanSupplier condition, Duration max) {
        stepper.runUntil(condition, max);
    }

    /** Like {@link #runUntil}, but a failure carries both engines' event logs and states. */
    void runUntilOrDump(java.util.function.BooleanSupplier condition, Duration max) {
        try {
            stepper.runUntil(condition, max);
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nA: " + a + "\n  " + eventsA + "\nB: " + b + "\n  " + eventsB, e);
        }
    }

    static <T extends EngineEvent> List<T> of(List<EngineEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void close() {
        a.close(clock.nanos());
        b.close(clock.nanos());
    }

    /** An engine as the testkit's endpoint (for tests that drive one engine alone). */
    static SansIoEndpoint<EngineEvent> adapt(RtcEngine engine) {
        return new SansIoEndpoint<>() {
            @Override
            public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
                engine.handleReceive(now, from, to, datagram);
            }

            @Override
            public void handleTimeout(long now) {
                engine.handleTimeout(now);
            }

            @Override
            public @Nullable Datagram pollTransmit() {
                Transmit t = engine.pollTransmit();
                return t == null ? null : new Datagram(t.source(), t.destination(), t.payload());
            }

            @Override
            public @Nullable EngineEvent pollEvent() {
                return engine.pollEvent();
            }

            @Override
            public long pollTimeout() {
                return engine.pollTimeout();
            }

            @Override
            public boolean busy() {
                return engine.busy();
            }
        };
    }
}
