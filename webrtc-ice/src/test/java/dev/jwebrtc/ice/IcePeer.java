package dev.jwebrtc.ice;

import dev.jwebrtc.ice.stun.PacketKind;
import dev.jwebrtc.testkit.Datagram;
import dev.jwebrtc.testkit.SansIoEndpoint;
import dev.jwebrtc.testkit.VirtualClock;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Test adapter: an {@link IceAgent} as a testkit endpoint, with in-test signalling (trickled candidates are
 * handed to the other peer at once, or held back), first-byte demultiplexing as a driver would do it, and an
 * optional stream of application data every 20 ms once a pair is selected.
 */
final class IcePeer implements SansIoEndpoint<IceEvent> {

    final String name;
    final IceAgent agent;
    final VirtualClock clock;
    final List<IceEvent> events = new ArrayList<>();
    final List<IceCandidate> gathered = new ArrayList<>();
    @Nullable IcePeer remote;
    boolean holdCandidates;
    boolean gatheringComplete;
    long dataReceived;
    long lastDataReceivedNanos = Long.MIN_VALUE;
    long dataSent;
    long channelDataSent;
    long dataIntervalNanos;
    long nextDataNanos = Long.MAX_VALUE;
    @Nullable InetSocketAddress turnServer;
    /** Datagrams the agent produced while handling multicast from the peer, waiting for the stepper. */
    private final Deque<Datagram> pending = new ArrayDeque<>();
    long mdnsDelivered;
    long crossFamilyTransmits;
    long stunRequestsSent;
    long keepalivesSent;

    IcePeer(String name, VirtualClock clock, IceConfig config, long seed) {
        this.name = name;
        this.clock = clock;
        this.agent = new IceAgent(config, new SplittableRandom(seed));
    }

    /** Exchanges credentials both ways and connects the signalling channel. */
    static void signal(IcePeer a, IcePeer b) {
        a.remote = b;
        b.remote = a;
        a.agent.setRemoteCredentials(a.clock.nanos(), b.agent.localCredentials());
        b.agent.setRemoteCredentials(b.clock.nanos(), a.agent.localCredentials());
    }

    /** Sends data every {@code interval} while a pair is selected. */
    void streamData(Duration interval) {
        dataIntervalNanos = interval.toNanos();
        nextDataNanos = clock.nanos();
    }

    /** Hands held-back candidates (and end-of-candidates, if reached) to the peer. */
    void releaseCandidates() {
        holdCandidates = false;
        IcePeer r = remote;
        if (r == null) {
            return;
        }
        for (IceCandidate c : gathered) {
            r.agent.addRemoteCandidate(clock.nanos(), c);
        }
        if (gatheringComplete) {
            r.agent.endOfRemoteCandidates(clock.nanos());
        }
    }

    <T extends IceEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    boolean connected() {
        IceConnectionState s = agent.connectionState();
        return (s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED)
                && agent.selectedPair().isPresent();
    }

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        // What a driver does (RFC 7983): STUN and anything from the TURN server to ICE, the rest is data.
        if (PacketKind.of(datagram) == PacketKind.STUN || from.equals(turnServer)) {
            agent.handleReceive(nowNanos, from, to, datagram);
        } else {
            dataReceived++;
            lastDataReceivedNanos = nowNanos;
        }
    }

    @Override
    public void handleTimeout(long nowNanos) {
        if (nowNanos >= nextDataNanos) {
            if (agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, 1, 2, 3}))) {
                dataSent++;
            }
            nextDataNanos = nowNanos + dataIntervalNanos;
        }
        if (agent.pollTimeout() <= nowNanos) {
            agent.handleTimeout(nowNanos);
        }
    }

    @Override
    public @Nullable Datagram pollTransmit() {
        Datagram queued = pending.poll();
        if (queued != null) {
            return queued;
        }
        Transmit t;
        while ((t = agent.pollTransmit()) != null) {
            Datagram d = route(t);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The virtual network has no multicast: mDNS to the group goes straight to the peer, like one LAN. */
    private @Nullable Datagram route(Transmit t) {
        if (t.destination().getPort() == 5353 && t.destination().getAddress().isMulticastAddress()) {
            IcePeer r = remote;
            if (r != null) {
                mdnsDelivered++;
                r.agent.handleReceive(clock.nanos(), t.source(), t.destination(), t.payload());
                Transmit x;
                while ((x = r.agent.pollTransmit()) != null) {
                    Datagram d = r.route(x);
                    if (d != null) {
                        r.pending.add(d);
                    }
                }
            }
            return null;
        }
        if (PacketKind.of(t.payload()) == PacketKind.TURN_CHANNEL) {
            channelDataSent++;
        }
        if (t.source().getAddress().getAddress().length != t.destination().getAddress().getAddress().length) {
            crossFamilyTransmits++;
        }
        if (dev.jwebrtc.ice.stun.StunMessage.decode(t.payload())
                .filter(m -> m.messageClass() == dev.jwebrtc.ice.stun.StunClass.REQUEST).isPresent()) {
            stunRequestsSent++;
        }
        if (dev.jwebrtc.ice.stun.StunMessage.decode(t.payload())
                .filter(m -> m.messageClass() == dev.jwebrtc.ice.stun.StunClass.INDICATION).isPresent()) {
            keepalivesSent++;
        }
        return new Datagram(t.source(), t.destination(), t.payload());
    }

    @Override
    public @Nullable IceEvent pollEvent() {
        IceEvent e = agent.pollEvent();
        if (e == null) {
            return null;
        }
        events.add(e);
        IcePeer r = remote;
        if (e instanceof IceEvent.CandidateGathered g) {
            gathered.add(g.candidate());
            if (r != null && !holdCandidates) {
                r.agent.addRemoteCandidate(clock.nanos(), g.candidate());
            }
        } else if (e instanceof IceEvent.GatheringComplete) {
            gatheringComplete = true;
            if (r != null && !holdCandidates) {
                r.agent.endOfRemoteCandidates(clock.nanos());
            }
        } else if (e instanceof IceEvent.RelayedDataReceived) {
            dataReceived++;
            lastDataReceivedNanos = clock.nanos();
        }
        return e;
    }

    @Override
    public long pollTimeout() {
        return pending.isEmpty() ? Math.min(agent.pollTimeout(), nextDataNanos) : clock.nanos();
    }

    @Override
    public String toString() {
        return name + "[" + agent.connectionState() + ", " + agent.role() + "]";
    }
}
