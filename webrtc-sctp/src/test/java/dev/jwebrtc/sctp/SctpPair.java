package dev.jwebrtc.sctp;

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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Two associations on the testkit's virtual network. Each direction's impairments are applied once, on the
 * sender's uplink (the receiver's downlink is perfect).
 */
final class SctpPair {

    /** Adapts an association to the testkit's endpoint shape; events may be held back to model a slow reader. */
    static final class Endpoint implements SansIoEndpoint<SctpEvent> {
        final SctpAssociation association;
        final InetSocketAddress local;
        final InetSocketAddress remote;
        boolean readerPaused;
        /** Outgoing packets for which this returns true are lost before they reach the network. */
        java.util.function.Predicate<byte[]> dropOutgoing = p -> false;

        Endpoint(SctpAssociation association, InetSocketAddress local, InetSocketAddress remote) {
            this.association = association;
            this.local = local;
            this.remote = remote;
        }

        @Override
        public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            association.handleReceive(nowNanos, datagram);
        }

        @Override
        public void handleTimeout(long nowNanos) {
            association.handleTimeout(nowNanos);
        }

        @Override
        public @Nullable Datagram pollTransmit() {
            while (true) {
                ByteBuffer packet = association.pollTransmit();
                if (packet == null) {
                    return null;
                }
                byte[] bytes = new byte[packet.remaining()];
                packet.get(bytes);
                if (!dropOutgoing.test(bytes)) {
                    return Datagram.of(local, remote, bytes);
                }
            }
        }

        @Override
        public @Nullable SctpEvent pollEvent() {
            return readerPaused ? null : association.pollEvent();
        }

        @Override
        public long pollTimeout() {
            return association.pollTimeout();
        }
    }

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork network;
    final Stepper stepper;
    final Endpoint a;
    final Endpoint b;
    final List<SctpEvent> eventsA = new ArrayList<>();
    final List<SctpEvent> eventsB = new ArrayList<>();
    @Nullable Consumer<SctpEvent> onEventA;
    @Nullable Consumer<SctpEvent> onEventB;
    boolean keepMessages = true;

    SctpPair(long seed, NetemConfig aToB, NetemConfig bToA) {
        this(seed, aToB, bToA, SctpConfig.defaults(), SctpConfig.defaults());
    }

    SctpPair(long seed, NetemConfig aToB, NetemConfig bToA, SctpConfig configA, SctpConfig configB) {
        network = new VirtualNetwork(clock, seed);
        Host hostA = network.addHost("a", "10.0.0.1", aToB, NetemConfig.NONE);
        Host hostB = network.addHost("b", "10.0.0.2", bToA, NetemConfig.NONE);
        InetSocketAddress addrA = new InetSocketAddress(hostA.address(), 5000);
        InetSocketAddress addrB = new InetSocketAddress(hostB.address(), 5000);
        SplittableRandom random = new SplittableRandom(seed);
        a = new Endpoint(new SctpAssociation(configA, random.split()), addrA, addrB);
        b = new Endpoint(new SctpAssociation(configB, random.split()), addrB, addrA);
        stepper = new Stepper(network);
        stepper.attach(a, e -> record(eventsA, onEventA, e), hostA);
        stepper.attach(b, e -> record(eventsB, onEventB, e), hostB);
    }

    private void record(List<SctpEvent> list, @Nullable Consumer<SctpEvent> hook, SctpEvent e) {
        if (keepMessages || !(e instanceof SctpEvent.MessageReceived)) {
            list.add(e);
        }
        if (hook != null) {
            hook.accept(e);
        }
    }

    long now() {
        return clock.nanos();
    }

    /** Both sides send INIT at once, as WebRTC peers do. */
    void connectBoth() {
        // INIT retransmissions back off from 1 s (RFC 9260 §6.3.3): under heavy loss this takes a while.
        a.association.connect(now());
        b.association.connect(now());
        run(() -> a.association.state() == SctpState.ESTABLISHED && b.association.state() == SctpState.ESTABLISHED,
                Duration.ofMinutes(3));
    }

    void run(java.util.function.BooleanSupplier until, Duration max) {
        stepper.runUntil(until, max);
    }

    static List<SctpEvent.MessageReceived> messages(List<SctpEvent> events) {
        List<SctpEvent.MessageReceived> out = new ArrayList<>();
        for (SctpEvent e : events) {
            if (e instanceof SctpEvent.MessageReceived m) {
                out.add(m);
            }
        }
        return out;
    }

    static boolean has(List<SctpEvent> events, Class<? extends SctpEvent> type) {
        return events.stream().anyMatch(type::isInstance);
    }

    static NetemConfig delay(Duration oneWay) {
        return NetemConfig.builder().latency(oneWay).build();
    }
}
