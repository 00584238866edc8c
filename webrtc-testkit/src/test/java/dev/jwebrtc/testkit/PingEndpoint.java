package dev.jwebrtc.testkit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * A toy sans-IO endpoint for stepper tests: sends a numbered ping every {@code intervalNanos} to a target,
 * echoes every ping it receives, and reports each pong (with the time it arrived) as an event.
 */
final class PingEndpoint implements SansIoEndpoint<PingEndpoint.Pong> {

    record Pong(long sequence, long atNanos) {}

    private final InetSocketAddress local;
    private final @Nullable InetSocketAddress target;
    private final long intervalNanos;
    private final Queue<Datagram> out = new ArrayDeque<>();
    private final Queue<Pong> events = new ArrayDeque<>();
    private long nextPingNanos;
    private long sequence;
    int timeouts;

    /** A pinger when {@code target} is set, a pure echo server otherwise. */
    PingEndpoint(InetSocketAddress local, @Nullable InetSocketAddress target, long startNanos, long intervalNanos) {
        this.local = local;
        this.target = target;
        this.intervalNanos = intervalNanos;
        this.nextPingNanos = target == null ? Long.MAX_VALUE : startNanos;
    }

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        if (datagram.remaining() != 9) {
            return;
        }
        byte kind = datagram.get(datagram.position());
        long seq = datagram.getLong(datagram.position() + 1);
        if (kind == 'P') {
            out.add(Datagram.of(to, from, ByteBuffer.allocate(9).put((byte) 'R').putLong(seq).array()));
        } else if (kind == 'R') {
            events.add(new Pong(seq, nowNanos));
        }
    }

    @Override
    public void handleTimeout(long nowNanos) {
        timeouts++;
        if (target != null && nowNanos >= nextPingNanos) {
            out.add(Datagram.of(local, target, ByteBuffer.allocate(9).put((byte) 'P').putLong(sequence++).array()));
            nextPingNanos += intervalNanos;
        }
    }

    @Override
    public @Nullable Datagram pollTransmit() {
        return out.poll();
    }

    @Override
    public @Nullable Pong pollEvent() {
        return events.poll();
    }

    @Override
    public long pollTimeout() {
        return nextPingNanos;
    }
}
