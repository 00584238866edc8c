package dev.jwebrtc.testkit;

import java.net.InetAddress;

/** The root of a {@link VirtualNetwork}: public addresses, no translation, no parent. */
final class Internet extends Router {

    Internet(VirtualNetwork network, InetAddress placeholder) {
        super(network, "internet", null, placeholder, NetemConfig.NONE, NetemConfig.NONE);
    }

    @Override
    void route(long nowNanos, Datagram datagram, boolean fromParent) {
        Node target = child(datagram.destination().getAddress());
        if (target == null) {
            network.countUnroutable(datagram);
            return;
        }
        network.forwardDown(nowNanos, target, datagram);
    }
}
