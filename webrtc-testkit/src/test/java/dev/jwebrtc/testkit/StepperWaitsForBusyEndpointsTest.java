package dev.jwebrtc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** An endpoint that answers on a worker thread, as the DTLS handshake does, is waited for instead of skipped. */
class StepperWaitsForBusyEndpointsTest {

    /** Replies to each datagram from a separate thread after some real work. */
    private static final class ThreadedEcho implements SansIoEndpoint<String> {
        private final ConcurrentLinkedQueue<Datagram> out = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean working = new AtomicBoolean();

        @Override
        public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            byte[] copy = new byte[datagram.remaining()];
            datagram.get(copy);
            working.set(true);
            Thread worker = new Thread(() -> {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // 20 ms of "handshake crypto"
                out.add(Datagram.of(to, from, copy));
                working.set(false);
            }, "jwebrtc-test-worker");
            worker.start();
        }

        @Override
        public void handleTimeout(long now) {}

        @Override
        public @Nullable Datagram pollTransmit() {
            return out.poll();
        }

        @Override
        public @Nullable String pollEvent() {
            return null;
        }

        @Override
        public long pollTimeout() {
            return Long.MAX_VALUE;
        }

        @Override
        public boolean busy() {
            return working.get();
        }
    }

    @Test
    void repliesProducedOnAnotherThreadAreDeliveredWithoutVirtualTimeRunningAhead() {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, 1);
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).build();
        Host a = net.addHost("a", "198.51.100.1", link);
        Host b = net.addHost("b", "198.51.100.2", link);
        Stepper stepper = new Stepper(net);
        PingEndpoint pinger = new PingEndpoint(a.socket(1), b.socket(2), clock.nanos(), Duration.ofSeconds(10).toNanos());
        Stepper.Peer<PingEndpoint.Pong> ping = stepper.attach(pinger, a);
        stepper.attach(new ThreadedEcho(), b);

        long start = clock.nanos();
        stepper.runUntil(() -> !ping.events().isEmpty(), Duration.ofSeconds(5));
        // The echo sends the ping back, the pinger answers it, the echo returns the answer: two round trips of
        // 40 ms. Without waiting for the worker, virtual time would have jumped to the next ping, 10 s later.
        assertEquals(start + 80_000_000L, ping.events().get(0).atNanos());
    }

    @Test
    void aConditionMetByOutputDrainedWhileSettlingEndsTheRun() {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, 1);
        Host b = net.addHost("b", "198.51.100.2", NetemConfig.NONE);
        Stepper stepper = new Stepper(net);
        ThreadedEcho echo = new ThreadedEcho();
        stepper.attach(echo, b);
        // One datagram straight into the endpoint: its reply appears on the worker thread, with nothing else pending.
        echo.handleReceive(clock.nanos(), new java.net.InetSocketAddress("198.51.100.9", 1), b.socket(2),
                java.nio.ByteBuffer.wrap(new byte[] {1}));
        stepper.runUntil(() -> net.stats().sent() == 1, Duration.ofSeconds(1));
        assertEquals(1, net.stats().sent(), "the reply was drained during settling, and that ended the run");
    }
}
