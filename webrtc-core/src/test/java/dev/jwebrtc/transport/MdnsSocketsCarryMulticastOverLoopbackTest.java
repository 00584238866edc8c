package dev.jwebrtc.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwebrtc.engine.SansIoCore;
import dev.jwebrtc.engine.Transmit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's mDNS sockets over the real loopback interface (the edge is under test: real sockets, real time,
 * bounded waits). Every datagram here is an mDNS header with no question, which responders ignore, sent on {@code lo}.
 */
class MdnsSocketsCarryMulticastOverLoopbackTest {

    private static final List<InetAddress> LOOPBACK = List.of(InetAddress.getLoopbackAddress());

    private EventLoops loops;

    @BeforeEach
    void loops() {
        loops = EventLoops.create(2);
    }

    @AfterEach
    void shutDown() throws Exception {
        loops.shutdown().await(5, TimeUnit.SECONDS);
    }

    record Received(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {}

    /** Sends what it is given; reports what it receives. */
    private static final class EchoCore implements SansIoCore<Received> {
        final Queue<Transmit> out = new ArrayDeque<>();
        final Queue<Received> events = new ArrayDeque<>();

        @Override
        public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            byte[] b = new byte[datagram.remaining()];
            datagram.get(b);
            events.add(new Received(from, to, b));
        }

        @Override
        public void handleTimeout(long now) {}

        @Override
        public @Nullable Transmit pollTransmit() {
            return out.poll();
        }

        @Override
        public @Nullable Received pollEvent() {
            return events.poll();
        }

        @Override
        public long pollTimeout() {
            return Long.MAX_VALUE;
        }
    }

    /** An mDNS header (RFC 1035 §4.1.1) with this ID and no records: well-formed, and nobody answers it. */
    private static byte[] emptyQuery(int id) {
        return ByteBuffer.allocate(12).putShort((short) id).array();
    }

    private static Received next(BlockingQueue<Received> inbox, byte[] expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Received r = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && java.util.Arrays.equals(r.bytes(), expected)) {
                return r;
            }
        }
        throw new AssertionError("no mDNS datagram with the expected bytes within 5 s");
    }

    @Test
    void anAgentsMdnsTransmitReachesAnotherConnectionAsAGroupDatagram() throws Exception {
        groupDatagramRoundTrip();
    }

    @Test
    void theSameWorksOnNio() throws Exception {
        loops.shutdown().await(5, TimeUnit.SECONDS);
        loops = EventLoops.createNio(1);
        groupDatagramRoundTrip();
    }

    private void groupDatagramRoundTrip() throws Exception {
        assumeTrue(LoopbackMulticast.works(), LoopbackMulticast.SKIP_REASON);
        EchoCore sender = new EchoCore();
        EchoCore listener = new EchoCore();
        BlockingQueue<Received> senderInbox = new LinkedBlockingQueue<>();
        BlockingQueue<Received> listenerInbox = new LinkedBlockingQueue<>();
        CoreDriver<Received> senderDriver =
                new CoreDriver<>(loops, sender, senderInbox::add, Throwable::printStackTrace);
        CoreDriver<Received> listenerDriver =
                new CoreDriver<>(loops, listener, listenerInbox::add, Throwable::printStackTrace);
        try {
            listenerDriver.enableMdns(LOOPBACK, true); // answers must be possible from the start
            senderDriver.enableMdns(LOOPBACK, false); // opens on its first mDNS transmit
            awaitOpen(listenerDriver);
            assertFalse(senderDriver.mdnsCounters().get(5, TimeUnit.SECONDS).open(), "lazy until needed");

            byte[] query = emptyQuery(0x4a57);
            senderDriver.execute(() -> sender.out.add(
                    new Transmit(MdnsSockets.AGENT_SOURCE, MdnsSockets.GROUP, ByteBuffer.wrap(query))));
            Received heard = next(listenerInbox, query);
            assertEquals(MdnsSockets.GROUP, heard.to(), "the core sees the group as the destination");
            assertEquals(5353, heard.from().getPort());
            assertTrue(heard.from().getAddress().isLoopbackAddress(), "sent on lo: " + heard.from());
            assertArrayEquals(query, next(senderInbox, query).bytes(), "multicast loopback: the sender hears itself");

            CoreDriver.MdnsCounters counters = senderDriver.mdnsCounters().get(5, TimeUnit.SECONDS);
            assertTrue(counters.open());
            assertEquals(1, counters.sent());
            assertEquals(0, counters.dropped());
            assertTrue(listenerDriver.mdnsCounters().get(5, TimeUnit.SECONDS).received() >= 1);
        } finally {
            senderDriver.close();
            listenerDriver.close();
        }
        senderDriver.closeFuture().get(5, TimeUnit.SECONDS);
        listenerDriver.closeFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void withoutMdnsTheAgentsQueriesAreCountedAndDropped() throws Exception {
        EchoCore core = new EchoCore();
        CoreDriver<Received> driver = new CoreDriver<>(loops, core, e -> { }, Throwable::printStackTrace);
        try {
            driver.execute(() -> core.out.add(
                    new Transmit(MdnsSockets.AGENT_SOURCE, MdnsSockets.GROUP, ByteBuffer.wrap(emptyQuery(1)))));
            CoreDriver.MdnsCounters counters = driver.mdnsCounters().get(5, TimeUnit.SECONDS);
            assertEquals(new CoreDriver.MdnsCounters(false, 0, 0, 1), counters);
            assertEquals(0, driver.sendFailures(), "not a socket failure: mDNS is simply off");
        } finally {
            driver.close();
        }
        driver.closeFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingWhileTheSocketsOpenLeavesNothingBehind() throws Exception {
        EchoCore core = new EchoCore();
        CoreDriver<Received> driver = new CoreDriver<>(loops, core, e -> { }, Throwable::printStackTrace);
        driver.enableMdns(LOOPBACK, true);
        driver.close(); // may land before the asynchronous bind completes
        driver.closeFuture().get(5, TimeUnit.SECONDS);
        CoreDriver.MdnsCounters after = driver.mdnsCounters().get(5, TimeUnit.SECONDS);
        assertFalse(after.open());
    }

    private static void awaitOpen(CoreDriver<?> driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!driver.mdnsCounters().get(5, TimeUnit.SECONDS).open()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mDNS socket did not open within 5 s");
            }
            Thread.sleep(10); // the edge under test: waiting for a real asynchronous bind
        }
    }
}
