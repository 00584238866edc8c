package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A NAT router following RFC 4787: one external address on its parent's network, a private network of hosts
 * (and possibly further NATs) behind it, mappings and filtering as its {@link NatBehavior} says.
 */
public final class Nat extends Router {

    private static final int FIRST_DYNAMIC_PORT = 1024;
    private static final int PORT_COUNT = 65536 - FIRST_DYNAMIC_PORT;

    private final NatBehavior behavior;
    private final Map<MappingKey, Mapping> byKey = new HashMap<>();
    private final Map<Integer, Mapping> byPort = new HashMap<>();

    private long createdMappings;
    private long filteredInbound;
    private long unmappedInbound;
    private long hairpinDropped;

    Nat(VirtualNetwork network, String name, Router parent, InetAddress publicAddress, NatBehavior behavior,
            NetemConfig up, NetemConfig down) {
        super(network, name, parent, publicAddress, up, down);
        this.behavior = behavior;
    }

    public String name() {
        return name;
    }

    /** The NAT's address on its parent's network. */
    public InetAddress publicAddress() {
        return address;
    }

    public NatBehavior behavior() {
        return behavior;
    }

    /** Adds a host to the private network, with the same link configuration both ways. */
    public Host addHost(String name, String address, NetemConfig link) {
        return addHost(name, address, link, link);
    }

    /** Adds a host to the private network. */
    public Host addHost(String name, String address, NetemConfig up, NetemConfig down) {
        return attach(new Host(network, name, this, VirtualNetwork.literal(address), up, down, null));
    }

    /** Adds a NAT inside this one (carrier-grade NAT in front of a home NAT, say). */
    public Nat addNat(String name, String address, NatBehavior behavior, NetemConfig link) {
        return attach(new Nat(network, name, this, VirtualNetwork.literal(address), behavior, link, link));
    }

    /** Mappings alive at {@code nowNanos}. */
    public int mappingCount(long nowNanos) {
        expire(nowNanos);
        return byPort.size();
    }

    /** Mappings created so far. */
    public long createdMappings() {
        return createdMappings;
    }

    /** Inbound packets that matched a mapping but were refused by filtering. */
    public long filteredInbound() {
        return filteredInbound;
    }

    /** Inbound packets for which no live mapping existed. */
    public long unmappedInbound() {
        return unmappedInbound;
    }

    /** Packets between two inside hosts through the external address dropped because hairpinning is off. */
    public long hairpinDropped() {
        return hairpinDropped;
    }

    @Override
    void route(long nowNanos, Datagram datagram, boolean fromParent) {
        if (fromParent) {
            Datagram inside = inbound(nowNanos, datagram);
            if (inside != null) {
                deliverInside(nowNanos, inside);
            }
            return;
        }
        InetAddress destination = datagram.destination().getAddress();
        if (child(destination) != null) {
            // Same private network: no translation (RFC 4787 only concerns traffic crossing the NAT).
            deliverInside(nowNanos, datagram);
            return;
        }
        Datagram outside = outbound(nowNanos, datagram);
        if (destination.equals(address)) {
            // RFC 4787 §6 REQ-9: hairpinning, with the external source address of the sender (REQ-9 b).
            if (!behavior.hairpinning()) {
                hairpinDropped++;
                network.countNatDrop(datagram);
                return;
            }
            Datagram inside = inbound(nowNanos, outside);
            if (inside != null) {
                deliverInside(nowNanos, inside);
            }
            return;
        }
        network.forwardUp(nowNanos, this, outside);
    }

    private void deliverInside(long nowNanos, Datagram datagram) {
        Node target = child(datagram.destination().getAddress());
        if (target == null) {
            network.countUnroutable(datagram);
            return;
        }
        network.forwardDown(nowNanos, target, datagram);
    }

    /** Translates an outgoing datagram, creating or refreshing its mapping (RFC 4787 §4.1, §4.3). */
    private Datagram outbound(long nowNanos, Datagram datagram) {
        expire(nowNanos);
        InetSocketAddress internal = datagram.source();
        InetSocketAddress remote = datagram.destination();
        MappingKey key = MappingKey.of(behavior.mapping(), internal, remote);
        Mapping mapping = byKey.get(key);
        if (mapping == null) {
            mapping = new Mapping(key, internal, allocatePort(internal.getPort()));
            byKey.put(key, mapping);
            byPort.put(mapping.externalPort, mapping);
            createdMappings++;
        }
        mapping.lastUsedNanos = nowNanos;
        mapping.permittedAddresses.add(remote.getAddress());
        mapping.permittedEndpoints.add(remote);
        return datagram.withAddresses(new InetSocketAddress(address, mapping.externalPort), remote);
    }

    /** Translates an incoming datagram, or drops it (returns {@code null}) per mapping and filtering (§5). */
    private @Nullable Datagram inbound(long nowNanos, Datagram datagram) {
        expire(nowNanos);
        Mapping mapping = datagram.destination().getAddress().equals(address)
                ? byPort.get(datagram.destination().getPort()) : null;
        if (mapping == null) {
            unmappedInbound++;
            network.countNatDrop(datagram);
            return null;
        }
        InetSocketAddress remote = datagram.source();
        boolean allowed = switch (behavior.filtering()) {
            case ENDPOINT_INDEPENDENT -> true;
            case ADDRESS_DEPENDENT -> mapping.permittedAddresses.contains(remote.getAddress());
            case ADDRESS_AND_PORT_DEPENDENT -> mapping.permittedEndpoints.contains(remote);
        };
        if (!allowed) {
            filteredInbound++;
            network.countNatDrop(datagram);
            return null;
        }
        if (behavior.inboundRefresh()) {
            mapping.lastUsedNanos = nowNanos;
        }
        return datagram.withAddresses(remote, mapping.internal);
    }

    private int allocatePort(int internalPort) {
        if (behavior.portPreservation() && internalPort >= FIRST_DYNAMIC_PORT && !byPort.containsKey(internalPort)) {
            return internalPort;
        }
        if (byPort.size() >= PORT_COUNT) {
            throw new IllegalStateException(name + " ran out of external ports");
        }
        int port = FIRST_DYNAMIC_PORT + network.random().nextInt(PORT_COUNT);
        while (byPort.containsKey(port)) {
            port = port == 65535 ? FIRST_DYNAMIC_PORT : port + 1;
        }
        return port;
    }

    private void expire(long nowNanos) {
        long timeout = behavior.mappingTimeout().toNanos();
        for (Iterator<Mapping> it = byPort.values().iterator(); it.hasNext(); ) {
            Mapping m = it.next();
            if (nowNanos - m.lastUsedNanos >= timeout) {
                it.remove();
                byKey.remove(m.key);
            }
        }
    }

    /** What identifies a mapping: the internal endpoint, plus as much of the remote as the mapping behaviour uses. */
    private record MappingKey(InetSocketAddress internal, @Nullable InetAddress remoteAddress, int remotePort) {
        static MappingKey of(NatMapping mapping, InetSocketAddress internal, InetSocketAddress remote) {
            return switch (mapping) {
                case ENDPOINT_INDEPENDENT -> new MappingKey(internal, null, -1);
                case ADDRESS_DEPENDENT -> new MappingKey(internal, remote.getAddress(), -1);
                case ADDRESS_AND_PORT_DEPENDENT -> new MappingKey(internal, remote.getAddress(), remote.getPort());
            };
        }
    }

    private static final class Mapping {
        final MappingKey key;
        final InetSocketAddress internal;
        final int externalPort;
        final Set<InetAddress> permittedAddresses = new HashSet<>();
        final Set<InetSocketAddress> permittedEndpoints = new HashSet<>();
        long lastUsedNanos;

        Mapping(MappingKey key, InetSocketAddress internal, int externalPort) {
            this.key = key;
            this.internal = internal;
            this.externalPort = externalPort;
        }
    }
}
