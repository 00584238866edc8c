package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A machine of the {@link VirtualNetwork} with one IP address. Endpoints attached to it through a
 * {@link Stepper} send from that address and receive what arrives for it, on any port.
 */
public final class Host extends Node {

    private final @Nullable VirtualServer server;

    Host(VirtualNetwork network, String name, Router parent, InetAddress address, NetemConfig up, NetemConfig down,
            @Nullable VirtualServer server) {
        super(network, name, parent, address, up, down);
        this.server = server;
    }

    public String name() {
        return name;
    }

    public InetAddress address() {
        return address;
    }

    /** The host's address with a port. */
    public InetSocketAddress socket(int port) {
        return new InetSocketAddress(address, port);
    }

    /** Replaces the link to the router, both directions alike (for example to cut it with {@code loss(1)}). */
    public void setLink(NetemConfig link) {
        setLink(link, link);
    }

    /** Statistics of the link from this host toward its router. */
    public NetemStats uplinkStats() {
        return up().stats();
    }

    /** Statistics of the link from the router to this host. */
    public NetemStats downlinkStats() {
        return down().stats();
    }

    /** The virtual server running on this host instead of an endpoint, if any. */
    @Nullable VirtualServer server() {
        return server;
    }
}
