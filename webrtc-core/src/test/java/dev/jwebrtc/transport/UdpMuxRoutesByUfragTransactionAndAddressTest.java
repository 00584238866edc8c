package dev.jwebrtc.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.engine.SansIoCore;
import dev.jwebrtc.engine.Transmit;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.Username;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared-port router with stand-in cores over real loopback UDP (the edge is under test: real sockets and time,
 * bounded waits): Binding requests by USERNAME, responses by transaction ID, everything else by remote address.
 */
class UdpMuxRoutesByUfragTransactionAndAddressTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final EventLoops loops = EventLoops.create(2);

    @AfterEach
    void shutDown() throws Exception {
        loops.shutdown().await(5, TimeUnit.SECONDS);
    }

    /** Records every datagram it is given; sends what the test queues. */
    private static final class RecordingCore implements SansIoCore<byte[]> {
        final Queue<Transmit> out = new ArrayDeque<>();
        final Queue<byte[]> events = new ArrayDeque<>();

        @Override
        public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            byte[] b = new byte[datagram.remaining()];
            datagram.get(b);
            events.add(b);
        }

        @Override
        public void handleTimeout(long now) {}

        @Override
        public @Nullable Transmit pollTransmit() {
            return out.poll();
        }

        @Override
        public byte @Nullable [] pollEvent() {
            return events.poll();
        }

        @Override
        public long pollTimeout() {
            return Long.MAX_VALUE;
        }
    }

    private static byte[] check(String username, int id) {
        byte[] tx = ByteBuffer.allocate(12).putInt(8, id).array();
        return StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, tx).add(new Username(username))
                .fingerprint().encode();
    }

    private static DatagramChannel socket() throws Exception {
        DatagramChannel c = DatagramChannel.open();
        c.bind(new InetSocketAddress(LOOPBACK, 0));
        c.socket().setSoTimeout(5000);
        return c;
    }

    @Test
    void datagramsReachTheConnectionTheyBelongToAndStrangersAreDropped() throws Exception {
        int port;
        try (DatagramChannel probe = socket()) {
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        UdpMux mux = new UdpMux(loops, port);
        List<InetSocketAddress> shared = mux.bind(List.of(LOOPBACK));
        InetSocketAddress sharedSocket = shared.get(0);
        RecordingCore coreA = new RecordingCore();
        RecordingCore coreB = new RecordingCore();
        BlockingQueue<byte[]> inboxA = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> inboxB = new LinkedBlockingQueue<>();
        CoreDriver<byte[]> a = new CoreDriver<>(loops, coreA, inboxA::add, Throwable::printStackTrace);
        CoreDriver<byte[]> b = new CoreDriver<>(loops, coreB, inboxB::add, Throwable::printStackTrace);
        AtomicReference<String> ufragA = new AtomicReference<>("ufragA");
        a.joinMux(mux, shared, ufragA::get);
        b.joinMux(mux, shared, () -> "ufragB");
        try (DatagramChannel x = socket(); DatagramChannel y = socket(); DatagramChannel stranger = socket();
                DatagramChannel afterRestart = socket(); DatagramChannel stunServer = socket()) {
            awaitConnections(mux, 2);

            // A check names its receiver; what follows from the same address goes the same way.
            byte[] toA = check("ufragA:peer", 1);
            x.send(ByteBuffer.wrap(toA), sharedSocket);
            assertArrayEquals(toA, inboxA.poll(5, TimeUnit.SECONDS));
            byte[] dtlsLike = {22, (byte) 0xfe, (byte) 0xfd, 0, 1};
            x.send(ByteBuffer.wrap(dtlsLike), sharedSocket);
            assertArrayEquals(dtlsLike, inboxA.poll(5, TimeUnit.SECONDS));
            byte[] toB = check("ufragB:peer", 2);
            y.send(ByteBuffer.wrap(toB), sharedSocket);
            assertArrayEquals(toB, inboxB.poll(5, TimeUnit.SECONDS));

            // An ICE restart gives A a new ufrag: registered after A's next drain, and checks naming it reach A.
            ufragA.set("ufragA2");
            a.execute(() -> { });
            byte[] restarted = check("ufragA2:peer", 3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            byte[] got = null;
            while (got == null && System.nanoTime() < deadline) {
                afterRestart.send(ByteBuffer.wrap(restarted), sharedSocket); // dropped until registered
                got = inboxA.poll(100, TimeUnit.MILLISECONDS);
            }
            assertArrayEquals(restarted, got, "the new ufrag routes to A");

            // A asks a STUN server; the response (no USERNAME, a new address) is routed by transaction ID to A
            // even though B sent to that server first.
            InetSocketAddress server = (InetSocketAddress) stunServer.getLocalAddress();
            byte[] fromB = {1, 2, 3};
            b.execute(() -> coreB.out.add(new Transmit(sharedSocket, server, ByteBuffer.wrap(fromB))));
            ByteBuffer received = ByteBuffer.allocate(1500);
            stunServer.receive(received);
            byte[] request = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, new byte[12])
                    .fingerprint().encode();
            a.execute(() -> coreA.out.add(new Transmit(sharedSocket, server, ByteBuffer.wrap(request))));
            received.clear();
            java.net.SocketAddress requester = stunServer.receive(received);
            StunMessage decoded = StunMessage.decode(received.flip()).orElseThrow();
            byte[] response = StunMessage.responseTo(decoded, StunClass.SUCCESS_RESPONSE).fingerprint().encode();
            stunServer.send(ByteBuffer.wrap(response), requester);
            assertArrayEquals(response, inboxA.poll(5, TimeUnit.SECONDS));
            assertTrue(mux.counters().routedByTransaction() >= 1);

            // Strangers: bytes from an address nobody checked with or sent to.
            long before = mux.counters().unknownDropped();
            stranger.send(ByteBuffer.wrap(dtlsLike), sharedSocket);
            awaitDropped(mux, before + 1);

            // A leaves: its addresses are forgotten.
            a.close();
            a.closeFuture().get(5, TimeUnit.SECONDS);
            awaitConnections(mux, 1);
            before = mux.counters().unknownDropped();
            x.send(ByteBuffer.wrap(dtlsLike), sharedSocket);
            awaitDropped(mux, before + 1);
            assertNull(inboxB.poll(50, TimeUnit.MILLISECONDS), "nothing of A's leaked to B");
        } finally {
            a.close();
            b.close();
            b.closeFuture().get(5, TimeUnit.SECONDS);
            mux.close();
        }
    }

    private static void awaitConnections(UdpMux mux, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mux.counters().connections() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " connections: " + mux.counters());
            }
            Thread.sleep(5);
        }
    }

    private static void awaitDropped(UdpMux mux, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mux.counters().unknownDropped() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " dropped: " + mux.counters());
            }
            Thread.sleep(5);
        }
        assertEquals(n, mux.counters().unknownDropped());
    }
}
