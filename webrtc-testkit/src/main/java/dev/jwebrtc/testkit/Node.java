package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** Something attached to a router of the {@link VirtualNetwork}: a host or a NAT, with its link to the parent. */
abstract class Node {

    final VirtualNetwork network;
    final String name;
    final @Nullable Router parent;
    /** This node's address on its parent's network. */
    final InetAddress address;
    private Netem up;
    private Netem down;

    Node(VirtualNetwork network, String name, @Nullable Router parent, InetAddress address,
            NetemConfig up, NetemConfig down) {
        this.network = network;
        this.name = name;
        this.parent = parent;
        this.address = address;
        setLink(up, down);
    }

    /** Toward the parent router. */
    Netem up() {
        return up;
    }

    /** From the parent router to this node. */
    Netem down() {
        return down;
    }

    final void setLink(NetemConfig upConfig, NetemConfig downConfig) {
        SplittableRandom random = network.splitRandom();
        this.up = new Netem(upConfig, random.split());
        this.down = new Netem(downConfig, random.split());
    }

    @Override
    public String toString() {
        return name + "(" + address.getHostAddress() + ")";
    }
}
