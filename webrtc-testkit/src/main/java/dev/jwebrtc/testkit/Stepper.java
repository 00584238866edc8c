package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Drives sans-IO endpoints on a {@link VirtualNetwork} in simulated time.
 *
 * <p>Each step drains every endpoint ({@code pollTransmit} into the network, {@code pollEvent} into the
 * endpoint's event sink, until both are empty), then jumps the clock to the earliest of all endpoint
 * deadlines and packet arrivals, and feeds in whatever is due: arrivals first, in arrival order, then
 * timeouts, in attachment order. Everything happens on the calling thread; nothing sleeps.
 *
 * <p>A run that cannot reach its condition fails with a {@link SimulationTimeoutException} naming the seed.
 * A step that keeps finding work at the same instant a million times in a row fails as a busy loop: an
 * endpoint whose deadline never moves past "now" is a bug in that endpoint.
 */
public final class Stepper {

    private static final int MAX_STEPS_WITHOUT_TIME_PASSING = 1_000_000;
    /** How long, in real time, an endpoint may stay {@linkplain SansIoEndpoint#busy() busy} before the run fails. */
    private static final long MAX_BUSY_NANOS = java.time.Duration.ofSeconds(30).toNanos();

    private final VirtualNetwork network;
    private final VirtualClock clock;
    private final List<Peer<?>> peers = new ArrayList<>();
    private final Map<Host, Peer<?>> peersByHost = new HashMap<>();
    private long unattachedDeliveries;

    public Stepper(VirtualNetwork network) {
        this.network = network;
        this.clock = network.clock();
    }

    public VirtualNetwork network() {
        return network;
    }

    public VirtualClock clock() {
        return clock;
    }

    /** Attaches an endpoint to one or more hosts; its events are kept in {@link Peer#events()}. */
    public <E> Peer<E> attach(SansIoEndpoint<E> endpoint, Host... hosts) {
        return attach(endpoint, null, hosts);
    }

    /**
     * Attaches an endpoint to one or more hosts, handing its events to {@code eventSink} instead of keeping
     * them (for long runs that produce many events).
     */
    public <E> Peer<E> attach(SansIoEndpoint<E> endpoint, @Nullable Consumer<? super E> eventSink, Host... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("an endpoint needs at least one host");
        }
        Peer<E> peer = new Peer<>(endpoint, List.of(hosts), eventSink);
        for (Host host : hosts) {
            if (peersByHost.putIfAbsent(host, peer) != null) {
                throw new IllegalArgumentException(host + " already has an endpoint");
            }
        }
        peers.add(peer);
        return peer;
    }

    /** Datagrams that reached a host with no endpoint attached. */
    public long unattachedDeliveries() {
        return unattachedDeliveries;
    }

    /**
     * Runs until {@code condition} holds, checking it after every step.
     *
     * @throws SimulationTimeoutException if {@code maxSimulatedTime} passes first, or nothing is left to happen
     */
    public void runUntil(BooleanSupplier condition, Duration maxSimulatedTime) {
        long start = clock.nanos();
        long deadline = Math.addExact(start, maxSimulatedTime.toNanos());
        drainAll();
        while (!condition.getAsBoolean()) {
            long next = nextEventNanos();
            // Settling may have drained the very events the condition waits for.
            if (condition.getAsBoolean()) {
                return;
            }
            if (next == Long.MAX_VALUE) {
                throw new SimulationTimeoutException("condition not met after " + Duration.ofNanos(clock.nanos() - start)
                        + " and nothing is left to happen (no deadline, nothing in flight); " + network.stats(),
                        network.seed());
            }
            if (next > deadline) {
                clock.advanceTo(deadline);
                throw new SimulationTimeoutException(
                        "condition not met within " + maxSimulatedTime + " of simulated time; " + network.stats(),
                        network.seed());
            }
            step(next);
        }
    }

    /** Runs for {@code duration} of simulated time, processing everything due, and leaves the clock at the end. */
    public void runFor(Duration duration) {
        long deadline = Math.addExact(clock.nanos(), duration.toNanos());
        drainAll();
        long next;
        while ((next = nextEventNanos()) <= deadline) {
            step(next);
        }
        clock.advanceTo(deadline);
    }

    private int stepsAtSameTime;

    private void step(long next) {
        if (next > clock.nanos()) {
            clock.advanceTo(next);
            stepsAtSameTime = 0;
        } else if (++stepsAtSameTime > MAX_STEPS_WITHOUT_TIME_PASSING) {
            throw new SimulationTimeoutException("busy loop: " + MAX_STEPS_WITHOUT_TIME_PASSING
                    + " steps without time passing at " + clock + "; an endpoint keeps its deadline at or before now",
                    network.seed());
        }
        long now = clock.nanos();
        VirtualNetwork.Delivery delivery;
        while ((delivery = network.pollArrival(now)) != null) {
            Peer<?> peer = peersByHost.get(delivery.host());
            if (peer == null) {
                unattachedDeliveries++;
                continue;
            }
            Datagram d = delivery.datagram();
            ByteBuffer borrowed = ByteBuffer.wrap(d.bytes());
            peer.endpoint.handleReceive(now, d.source(), d.destination(), borrowed);
            peer.drain(now);
        }
        for (Peer<?> peer : peers) {
            if (peer.endpoint.pollTimeout() <= now) {
                peer.endpoint.handleTimeout(now);
                peer.drain(now);
            }
        }
    }

    private long nextEventNanos() {
        settle();
        long next = network.nextArrivalNanos();
        for (Peer<?> peer : peers) {
            next = Math.min(next, peer.endpoint.pollTimeout());
        }
        return next;
    }

    /**
     * Waits (really) while any endpoint is busy on another thread, draining what it produces, so that virtual time
     * does not run ahead of work that is still being done.
     */
    private void settle() {
        long start = System.nanoTime();
        while (anyBusy()) {
            if (System.nanoTime() - start > MAX_BUSY_NANOS) {
                throw new SimulationTimeoutException("an endpoint stayed busy for 30 s of real time at " + clock,
                        network.seed());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            drainAll();
        }
        drainAll();
    }

    private boolean anyBusy() {
        for (Peer<?> peer : peers) {
            if (peer.endpoint.busy()) {
                return true;
            }
        }
        return false;
    }

    private void drainAll() {
        long now = clock.nanos();
        for (Peer<?> peer : peers) {
            peer.drain(now);
        }
    }

    /** An endpoint attached to the network, with the events it has produced. */
    public final class Peer<E> {
        private final SansIoEndpoint<E> endpoint;
        private final List<Host> hosts;
        private final @Nullable Consumer<? super E> eventSink;
        private final List<E> events = new ArrayList<>();

        private Peer(SansIoEndpoint<E> endpoint, List<Host> hosts, @Nullable Consumer<? super E> eventSink) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.hosts = hosts;
            this.eventSink = eventSink;
        }

        public SansIoEndpoint<E> endpoint() {
            return endpoint;
        }

        /** The first (or only) host. */
        public Host host() {
            return hosts.get(0);
        }

        public List<Host> hosts() {
            return hosts;
        }

        /** Every event polled so far, oldest first (empty when an event sink was given). */
        public List<E> events() {
            return Collections.unmodifiableList(events);
        }

        /** Whether an event of the given type has been seen. */
        public boolean hasEvent(Class<? extends E> type) {
            return events.stream().anyMatch(type::isInstance);
        }

        private void drain(long now) {
            while (true) {
                Datagram out = endpoint.pollTransmit();
                E event = endpoint.pollEvent();
                if (out == null && event == null) {
                    return;
                }
                if (out != null) {
                    network.send(now, sender(out.source().getAddress()), out);
                }
                if (event != null) {
                    if (eventSink != null) {
                        eventSink.accept(event);
                    } else {
                        events.add(event);
                    }
                }
            }
        }

        private Host sender(InetAddress source) {
            for (Host host : hosts) {
                if (host.address().equals(source)) {
                    return host;
                }
            }
            throw new IllegalStateException(
                    "endpoint attached to " + hosts + " sent from " + source.getHostAddress() + ", which none of them has");
        }
    }
}
