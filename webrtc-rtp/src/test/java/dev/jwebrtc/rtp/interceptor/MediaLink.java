package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.testkit.Netem;
import dev.jwebrtc.testkit.NetemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/** Test helper: a one-way link over the testkit's seeded Netem, holding datagrams until their arrival time. */
final class MediaLink {
    private record InFlight(long arrival, long order, byte[] data) {
    }

    private final Netem netem;
    private final PriorityQueue<InFlight> queue = new PriorityQueue<>((a, b) -> a.arrival != b.arrival
            ? Long.compare(a.arrival, b.arrival) : Long.compare(a.order, b.order));
    private long order;

    MediaLink(NetemConfig config, long seed) {
        this.netem = new Netem(config, new SplittableRandom(seed));
    }

    void send(long nowNanos, byte[] datagram) {
        for (long t : netem.schedule(nowNanos, datagram.length)) {
            queue.add(new InFlight(t, order++, datagram));
        }
    }

    long nextArrival() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().arrival();
    }

    List<byte[]> deliver(long nowNanos) {
        List<byte[]> out = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().arrival() <= nowNanos) {
            out.add(queue.poll().data());
        }
        return out;
    }
}
