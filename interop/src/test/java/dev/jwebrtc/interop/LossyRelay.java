package dev.jwebrtc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay on 127.0.0.1 that drops a share of the datagrams it forwards, for loss between two peers when the
 * kernel has no netem. One side ({@code front}) faces the browser and is what the Java peer advertises as its
 * candidate; the other ({@code back}) talks to the Java peer's real socket, which sees it as a peer-reflexive
 * candidate. Loss starts at 0; {@link #setLoss} changes it.
 */
final class LossyRelay implements AutoCloseable {

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final InetSocketAddress target;
    private final SplittableRandom random;
    private volatile double loss;
    private volatile SocketAddress browser;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread inbound;
    private final Thread outbound;

    LossyRelay(InetSocketAddress target, long seed) {
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            this.front = new DatagramSocket(new InetSocketAddress(loopback, 0));
            this.back = new DatagramSocket(new InetSocketAddress(loopback, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.target = target;
        this.random = new SplittableRandom(seed);
        this.inbound = new Thread(() -> pump(front, true), "lossy-relay-in");
        this.outbound = new Thread(() -> pump(back, false), "lossy-relay-out");
        inbound.setDaemon(true);
        outbound.setDaemon(true);
        inbound.start();
        outbound.start();
    }

    /** The port the Java peer advertises instead of its own. */
    int frontPort() {
        return front.getLocalPort();
    }

    void setLoss(double share) {
        loss = share;
    }

    long forwarded() {
        return forwarded.get();
    }

    long dropped() {
        return dropped.get();
    }

    private void pump(DatagramSocket from, boolean towardsJava) {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!from.isClosed()) {
            try {
                packet.setLength(buffer.length);
                from.receive(packet);
                if (towardsJava) {
                    browser = packet.getSocketAddress();
                }
                SocketAddress to = towardsJava ? target : browser;
                boolean drop;
                synchronized (random) {
                    drop = random.nextDouble() < loss;
                }
                if (drop) {
                    dropped.incrementAndGet();
                } else if (to != null) {
                    (towardsJava ? back : front).send(new DatagramPacket(buffer, packet.getLength(), to));
                    forwarded.incrementAndGet();
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        front.close();
        back.close();
        try {
            inbound.join(2000);
            outbound.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
