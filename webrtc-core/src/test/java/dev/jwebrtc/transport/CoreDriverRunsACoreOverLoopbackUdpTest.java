package dev.jwebrtc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.engine.SansIoCore;
import dev.jwebrtc.engine.Transmit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The edge itself is under test here, so real UDP on 127.0.0.1 and real time, with bounded waits. */
class CoreDriverRunsACoreOverLoopbackUdpTest {

    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private EventLoops loops = EventLoops.create(2);

    @AfterEach
    void shutDown() throws Exception {
        loops.shutdown().await(5, TimeUnit.SECONDS);
    }

    @Test
    void theSamePingPongWorksOnNio() throws Exception {
        loops.shutdown().await(5, TimeUnit.SECONDS);
        loops = EventLoops.createNio(1);
        assertTrue(!loops.isEpoll());
        twoCoresPingEachOtherOverLoopbackWithTimersDrivenByTheDriver();
    }

    /** Pings its peer every 10 ms once told where it is; echoes pings; reports pongs. */
    private static class PingCore implements SansIoCore<Long> {
        private final Queue<Transmit> out = new ArrayDeque<>();
        private final Queue<Long> events = new ArrayDeque<>();
        private @Nullable InetSocketAddress local;
        private @Nullable InetSocketAddress peer;
        private long nextPing = Long.MAX_VALUE;
        private long sequence;
        @Nullable Thread lastThread;

        void start(InetSocketAddress local, @Nullable InetSocketAddress peer, long now) {
            this.local = local;
            this.peer = peer;
            this.nextPing = peer == null ? Long.MAX_VALUE : now;
        }

        @Override
        public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            lastThread = Thread.currentThread();
            if (datagram.remaining() != 9) {
                return;
            }
            byte kind = datagram.get();
            long seq = datagram.getLong();
            if (kind == 'P') {
                out.add(new Transmit(local, from, ByteBuffer.allocate(9).put((byte) 'R').putLong(seq).flip()));
            } else if (kind == 'R') {
                events.add(seq);
            }
        }

        @Override
        public void handleTimeout(long now) {
            lastThread = Thread.currentThread();
            if (peer != null && now >= nextPing) {
                out.add(new Transmit(local, peer, ByteBuffer.allocate(9).put((byte) 'P').putLong(sequence++).flip()));
                nextPing = now + 10_000_000L;
            }
        }

        @Override
        public @Nullable Transmit pollTransmit() {
            return out.poll();
        }

        @Override
        public @Nullable Long pollEvent() {
            return events.poll();
        }

        @Override
        public long pollTimeout() {
            return nextPing;
        }
    }

    @Test
    void twoCoresPingEachOtherOverLoopbackWithTimersDrivenByTheDriver() throws Exception {
        PingCore echo = new PingCore();
        PingCore pinger = new PingCore();
        List<Long> pongs = new ArrayList<>();
        CountDownLatch fivePongs = new CountDownLatch(5);
        CoreDriver<Long> echoDriver = new CoreDriver<>(loops, echo, e -> { }, Throwable::printStackTrace);
        CoreDriver<Long> pingDriver = new CoreDriver<>(loops, pinger, seq -> {
            pongs.add(seq);
            fivePongs.countDown();
        }, Throwable::printStackTrace);
        InetSocketAddress echoAddress = echoDriver.bind(ANY_LOOPBACK, 0, 0);
        InetSocketAddress pingAddress = pingDriver.bind(ANY_LOOPBACK, 0, 0);
        CompletableFuture<Void> echoStarted = new CompletableFuture<>();
        echoDriver.execute(() -> {
            echo.start(echoAddress, null, System.nanoTime());
            echoStarted.complete(null);
        });
        echoStarted.get(5, TimeUnit.SECONDS); // the echo must know its address before the first ping arrives
        pingDriver.execute(() -> pinger.start(pingAddress, echoAddress, System.nanoTime()));

        assertTrue(fivePongs.await(10, TimeUnit.SECONDS), "five pongs over real UDP");
        pingDriver.close();
        echoDriver.close();
        pingDriver.closeFuture().get(5, TimeUnit.SECONDS);
        echoDriver.closeFuture().get(5, TimeUnit.SECONDS);
        List<Long> firstFive;
        synchronized (pongs) {
            firstFive = List.copyOf(pongs.subList(0, 5));
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), firstFive, "in order on loopback");
        assertTrue(pinger.lastThread.getName().startsWith("jwebrtc-netty-"), pinger.lastThread.getName());
        assertEquals(0, pingDriver.sendFailures());
    }

    @Test
    void userCallsRunOnTheCoresOwnLoop() throws Exception {
        PingCore core = new PingCore();
        CoreDriver<Long> driver = new CoreDriver<>(loops, core, e -> { }, Throwable::printStackTrace);
        CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
        driver.execute(() -> onLoop.complete(driver.eventLoop().inEventLoop()));
        assertTrue(onLoop.get(5, TimeUnit.SECONDS));
        driver.close();
        driver.closeFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCoreThatThrowsIsReportedAndClosedInsteadOfSpinning() throws Exception {
        SansIoCore<Long> broken = new PingCore() {
            @Override
            public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
                throw new IllegalStateException("bug in the core");
            }
        };
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CoreDriver<Long> driver = new CoreDriver<>(loops, broken, e -> { }, failure::complete);
        InetSocketAddress address = driver.bind(ANY_LOOPBACK, 0, 0);
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            probe.send(new java.net.DatagramPacket(new byte[9], 9, address));
        }
        assertEquals("bug in the core", failure.get(5, TimeUnit.SECONDS).getMessage());
        driver.closeFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDeadlineLongInThePastFiresAtOnce() throws Exception {
        CompletableFuture<Long> fired = new CompletableFuture<>();
        PingCore core = new PingCore() {
            private boolean due = true;

            @Override
            public long pollTimeout() {
                return due ? Long.MIN_VALUE : Long.MAX_VALUE; // "now", as a core may well say it
            }

            @Override
            public void handleTimeout(long now) {
                due = false;
                fired.complete(now);
            }
        };
        CoreDriver<Long> driver = new CoreDriver<>(loops, core, e -> { }, Throwable::printStackTrace);
        driver.execute(() -> { });
        fired.get(5, TimeUnit.SECONDS);
        driver.close();
        driver.closeFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void bindsTheFirstFreePortOfARangeAndSaysWhenNoneIsLeft() throws Exception {
        CoreDriver<Long> first = new CoreDriver<>(loops, new PingCore(), e -> { }, Throwable::printStackTrace);
        CoreDriver<Long> second = new CoreDriver<>(loops, new PingCore(), e -> { }, Throwable::printStackTrace);
        InetSocketAddress taken = first.bind(ANY_LOOPBACK, 0, 0);
        int port = taken.getPort();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.bind(ANY_LOOPBACK, port, port));
        assertTrue(e.getMessage().contains("no free UDP port in " + port + ".." + port), e.getMessage());
        first.close();
        second.close();
        first.closeFuture().get(5, TimeUnit.SECONDS);
        second.closeFuture().get(5, TimeUnit.SECONDS);
    }
}
