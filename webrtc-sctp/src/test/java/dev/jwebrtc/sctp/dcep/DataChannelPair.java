package dev.jwebrtc.sctp.dcep;

import dev.jwebrtc.sctp.SctpAssociation;
import dev.jwebrtc.sctp.SctpConfig;
import dev.jwebrtc.sctp.SctpState;
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

/** A DTLS client and a DTLS server side, each an association with data channels, on the virtual network. */
final class DataChannelPair {

    static final class Endpoint implements SansIoEndpoint<DataChannelEvent> {
        final DataChannels channels;
        final InetSocketAddress local;
        final InetSocketAddress remote;
        final VirtualClock clock;

        Endpoint(DataChannels channels, InetSocketAddress local, InetSocketAddress remote, VirtualClock clock) {
            this.channels = channels;
            this.local = local;
            this.remote = remote;
            this.clock = clock;
        }

        @Override
        public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            channels.association().handleReceive(nowNanos, datagram);
        }

        @Override
        public void handleTimeout(long nowNanos) {
            channels.association().handleTimeout(nowNanos);
        }

        @Override
        public @Nullable Datagram pollTransmit() {
            ByteBuffer p = channels.association().pollTransmit();
            if (p == null) {
                return null;
            }
            byte[] bytes = new byte[p.remaining()];
            p.get(bytes);
            return Datagram.of(local, remote, bytes);
        }

        @Override
        public @Nullable DataChannelEvent pollEvent() {
            return channels.pollEvent(clock.nanos());
        }

        @Override
        public long pollTimeout() {
            return channels.association().pollTimeout();
        }
    }

    final VirtualClock clock = new VirtualClock();
    final Stepper stepper;
    final Endpoint client;
    final Endpoint server;
    final List<DataChannelEvent> clientEvents = new ArrayList<>();
    final List<DataChannelEvent> serverEvents = new ArrayList<>();

    DataChannelPair(long seed, NetemConfig link) {
        VirtualNetwork net = new VirtualNetwork(clock, seed);
        Host hc = net.addHost("client", "10.0.0.1", link, NetemConfig.NONE);
        Host hs = net.addHost("server", "10.0.0.2", link, NetemConfig.NONE);
        InetSocketAddress ac = new InetSocketAddress(hc.address(), 5000);
        InetSocketAddress as = new InetSocketAddress(hs.address(), 5000);
        SplittableRandom r = new SplittableRandom(seed);
        client = new Endpoint(new DataChannels(new SctpAssociation(SctpConfig.defaults(), r.split()), true), ac, as, clock);
        server = new Endpoint(new DataChannels(new SctpAssociation(SctpConfig.defaults(), r.split()), false), as, ac, clock);
        stepper = new Stepper(net);
        stepper.attach(client, clientEvents::add, hc);
        stepper.attach(server, serverEvents::add, hs);
        client.channels.association().connect(clock.nanos());
        server.channels.association().connect(clock.nanos());
        stepper.runUntil(() -> client.channels.association().state() == SctpState.ESTABLISHED
                && server.channels.association().state() == SctpState.ESTABLISHED, Duration.ofSeconds(10));
    }

    long now() {
        return clock.nanos();
    }

    void runUntil(java.util.function.BooleanSupplier condition) {
        stepper.runUntil(condition, Duration.ofSeconds(60));
    }

    static <T extends DataChannelEvent> List<T> of(List<DataChannelEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (DataChannelEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}
