package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A simulated IP network: a public "internet" router, hosts, NAT routers (nested as deep as needed), and
 * virtual STUN servers, joined by links that each have a {@link Netem} per direction.
 *
 * <p>Datagrams travel hop by hop: host to router over the host's uplink, router to router over the NAT's
 * uplink, down to the destination over its downlink. Routers work instantly; only links take time. All
 * randomness (links, NAT port choice) comes from the seed, so a network built the same way and fed the
 * same datagrams delivers them the same way.
 *
 * <p>Usually driven by a {@link Stepper}; a custom driver calls {@link #send}, {@link #nextArrivalNanos()} and
 * {@link #pollArrival(long)}.
 */
public final class VirtualNetwork {

    private final VirtualClock clock;
    private final long seed;
    private final SplittableRandom random;
    private final Internet internet;
    private final PriorityQueue<Hop> hops = new PriorityQueue<>();
    private long hopSequence;

    private long sent;
    private long delivered;
    private long natDropped;
    private long unroutable;
    private final List<StunResponder> stunServers = new ArrayList<>();

    public VirtualNetwork(VirtualClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.internet = new Internet(this, literal("0.0.0.0"));
    }

    public VirtualClock clock() {
        return clock;
    }

    /** The seed everything random in this network derives from. */
    public long seed() {
        return seed;
    }

    /** Adds a host with a public address, with the same link configuration both ways. */
    public Host addHost(String name, String address, NetemConfig link) {
        return addHost(name, address, link, link);
    }

    /** Adds a host with a public address. */
    public Host addHost(String name, String address, NetemConfig up, NetemConfig down) {
        return internet.attach(new Host(this, name, internet, literal(address), up, down, null));
    }

    /** Adds a NAT whose external address is public. */
    public Nat addNat(String name, String publicAddress, NatBehavior behavior, NetemConfig link) {
        return internet.attach(new Nat(this, name, internet, literal(publicAddress), behavior, link, link));
    }

    /**
     * Adds a STUN server on the public internet that answers Binding requests on {@code address} with the
     * source address it sees (RFC 8489 §3).
     */
    public Host addStunServer(InetSocketAddress address) {
        return addStunServer(address, NetemConfig.NONE);
    }

    /** Adds a STUN server whose link has the given configuration. */
    public Host addStunServer(InetSocketAddress address, NetemConfig link) {
        if (address.getPort() <= 0) {
            throw new IllegalArgumentException("a STUN server needs a port: " + address);
        }
        StunResponder responder = new StunResponder(address.getPort());
        stunServers.add(responder);
        return internet.attach(new Host(this, "stun", internet, address.getAddress(), link, link, responder));
    }

    /**
     * Adds a TURN server (RFC 8656, UDP) on the public internet, with long-term credentials: {@code users} maps
     * user names to passwords. Relayed addresses are ports of {@code address}'s IP. It answers Binding requests too.
     */
    public TurnServer addTurnServer(InetSocketAddress address, String realm, Map<String, String> users) {
        return addTurnServer(address, realm, users, NetemConfig.NONE);
    }

    /** Adds a TURN server whose link has the given configuration. */
    public TurnServer addTurnServer(InetSocketAddress address, String realm, Map<String, String> users,
            NetemConfig link) {
        if (address.getPort() <= 0) {
            throw new IllegalArgumentException("a TURN server needs a port: " + address);
        }
        TurnServer server = new TurnServer(address, realm, users, random.split());
        internet.attach(new Host(this, "turn", internet, address.getAddress(), link, link, server));
        return server;
    }

    /**
     * Hands a datagram to the network at {@code nowNanos}, leaving from {@code host}.
     *
     * @throws IllegalArgumentException if the datagram's source address is not the host's (an endpoint bug)
     */
    public void send(long nowNanos, Host host, Datagram datagram) {
        if (!datagram.source().getAddress().equals(host.address)) {
            throw new IllegalArgumentException(host + " cannot send " + datagram + ": the source is not its address");
        }
        sent++;
        forwardUp(nowNanos, host, datagram);
    }

    /** The time of the next hop to process, {@link Long#MAX_VALUE} if nothing is in flight. */
    public long nextArrivalNanos() {
        Hop next = hops.peek();
        return next == null ? Long.MAX_VALUE : next.timeNanos;
    }

    /**
     * Processes hops due at or before {@code nowNanos} until one reaches a host, and returns that delivery;
     * {@code null} when nothing more is due.
     */
    public @Nullable Delivery pollArrival(long nowNanos) {
        while (!hops.isEmpty() && hops.peek().timeNanos <= nowNanos) {
            Hop hop = hops.poll();
            if (hop.target instanceof Router router) {
                router.route(hop.timeNanos, hop.datagram, hop.fromParent);
                continue;
            }
            Host host = (Host) hop.target;
            VirtualServer server = host.server();
            if (server != null) {
                long at = hop.timeNanos;
                if (!server.receive(at, hop.datagram, reply -> {
                    sent++;
                    forwardUp(at, host, reply);
                })) {
                    unroutable++;
                }
                continue;
            }
            delivered++;
            return new Delivery(host, hop.datagram);
        }
        return null;
    }

    public NetworkStats stats() {
        long linkDropped = 0;
        // Hosts and NATs each own two links; walk them through the address maps of the routers.
        linkDropped += linkDrops(internet);
        long stunAnswered = stunServers.stream().mapToLong(StunResponder::answered).sum();
        return new NetworkStats(sent, delivered, linkDropped, natDropped, unroutable, stunAnswered);
    }

    private long linkDrops(Router router) {
        long total = 0;
        for (Node node : router.children()) {
            total += node.up().stats().dropped() + node.down().stats().dropped();
            if (node instanceof Router inner) {
                total += linkDrops(inner);
            }
        }
        return total;
    }

    void forwardUp(long nowNanos, Node from, Datagram datagram) {
        Router parent = from.parent;
        if (parent == null) {
            throw new IllegalStateException(from + " has no parent");
        }
        schedule(from.up().schedule(nowNanos, datagram.size()), parent, datagram, false);
    }

    void forwardDown(long nowNanos, Node to, Datagram datagram) {
        schedule(to.down().schedule(nowNanos, datagram.size()), to, datagram, true);
    }

    private void schedule(long[] arrivals, Node target, Datagram datagram, boolean fromParent) {
        for (long arrival : arrivals) {
            hops.add(new Hop(arrival, hopSequence++, target, datagram, fromParent));
        }
    }

    void countNatDrop(Datagram datagram) {
        natDropped++;
    }

    void countUnroutable(Datagram datagram) {
        unroutable++;
    }

    SplittableRandom splitRandom() {
        return random.split();
    }

    RandomGenerator random() {
        return random;
    }

    /** Parses an IP literal; host names are refused so that nothing ever reaches a resolver. */
    static InetAddress literal(String address) {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP literal: " + address);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + address, e);
        }
    }

    /** A datagram that reached a host. */
    public record Delivery(Host host, Datagram datagram) {}

    private record Hop(long timeNanos, long sequence, Node target, Datagram datagram, boolean fromParent)
            implements Comparable<Hop> {
        @Override
        public int compareTo(Hop other) {
            int byTime = Long.compare(timeNanos, other.timeNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
