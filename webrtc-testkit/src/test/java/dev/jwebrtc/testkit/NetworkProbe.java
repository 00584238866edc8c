package dev.jwebrtc.testkit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Drives a {@link VirtualNetwork} by hand: send a datagram, run until it arrives somewhere (or is dropped). */
final class NetworkProbe {

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork net;

    NetworkProbe(long seed) {
        net = new VirtualNetwork(clock, seed);
    }

    /** Sends {@code text} from {@code from}:{@code fromPort} to {@code to} and returns what reached any host. */
    List<VirtualNetwork.Delivery> send(Host from, int fromPort, InetSocketAddress to, String text) {
        return send(from, fromPort, to, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends {@code bytes} from {@code from}:{@code fromPort} to {@code to} and returns what reached any host. */
    List<VirtualNetwork.Delivery> send(Host from, int fromPort, InetSocketAddress to, byte[] bytes) {
        net.send(clock.nanos(), from, Datagram.of(from.socket(fromPort), to, bytes));
        return flush();
    }

    /** Processes everything in flight, moving the clock, and returns the deliveries in order. */
    List<VirtualNetwork.Delivery> flush() {
        List<VirtualNetwork.Delivery> out = new ArrayList<>();
        long next;
        while ((next = net.nextArrivalNanos()) != Long.MAX_VALUE) {
            clock.advanceTo(Math.max(next, clock.nanos()));
            VirtualNetwork.Delivery d;
            while ((d = net.pollArrival(clock.nanos())) != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** The single delivery of a send, failing if there was none or several. */
    static VirtualNetwork.Delivery only(List<VirtualNetwork.Delivery> deliveries) {
        if (deliveries.size() != 1) {
            throw new AssertionError("expected exactly one delivery, got " + deliveries);
        }
        return deliveries.get(0);
    }
}
