package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A node with a network of its own behind it: the public internet, or the inside of a NAT. */
abstract class Router extends Node {

    private final Map<InetAddress, Node> children = new LinkedHashMap<>();

    Router(VirtualNetwork network, String name, @Nullable Router parent, InetAddress address,
            NetemConfig up, NetemConfig down) {
        super(network, name, parent, address, up, down);
    }

    Iterable<Node> children() {
        return children.values();
    }

    @Nullable Node child(InetAddress address) {
        return children.get(address);
    }

    <N extends Node> N attach(N node) {
        if (children.putIfAbsent(node.address, node) != null) {
            throw new IllegalArgumentException(node.address.getHostAddress() + " is already taken behind " + name);
        }
        return node;
    }

    /** Handles a datagram that reached this router, from a child or from the parent. */
    abstract void route(long nowNanos, Datagram datagram, boolean fromParent);
}
