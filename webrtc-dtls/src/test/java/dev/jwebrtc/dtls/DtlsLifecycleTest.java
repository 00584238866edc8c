package dev.jwebrtc.dtls;

import static dev.jwebrtc.dtls.DtlsPair.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.dtls.internal.HandshakeThreads;
import dev.jwebrtc.testkit.VirtualClock;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timeouts, closing and thread use. */
class DtlsLifecycleTest {

    private static final DtlsCertificate A = TestCertificates.EC_A;
    private static final DtlsCertificate B = TestCertificates.EC_B;

    private static DtlsConfig client() {
        return DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint()).build();
    }

    private static DtlsConfig server() {
        return DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build();
    }

    @Test
    void handshakeTimesOutOnTheDriversClockWhenThePeerVanishes() {
        VirtualClock clock = new VirtualClock();
        try (DtlsEndpoint client = new DtlsEndpoint(client())) {
            client.start(clock.nanos());
            long deadline = client.pollTimeout();
            assertEquals(clock.nanos() + DtlsConfig.DEFAULT_HANDSHAKE_TIMEOUT.toNanos(), deadline);
            clock.advance(Duration.ofSeconds(29));
            client.handleTimeout(clock.nanos());
            assertEquals(DtlsState.CONNECTING, client.state());
            clock.advanceTo(deadline);
            client.handleTimeout(clock.nanos());
            assertEquals(DtlsState.FAILED, client.state());
            DtlsEvent.HandshakeFailed failed = drainUntil(client, DtlsEvent.HandshakeFailed.class);
            assertEquals(DtlsFailure.TIMEOUT, failed.reason());
            assertNull(failed.alert());
            assertEquals(Long.MAX_VALUE, client.pollTimeout());
        }
        // the handshake thread was woken by the abort and ends (checked by the no-leaked-threads extension)
    }

    @Test
    void serverWaitingForAClientHelloTimesOutWithoutUsingAThread() {
        VirtualClock clock = new VirtualClock();
        int threadsBefore = HandshakeThreads.liveThreads();
        try (DtlsEndpoint server = new DtlsEndpoint(server())) {
            server.start(clock.nanos());
            assertEquals(threadsBefore, HandshakeThreads.liveThreads());
            clock.advance(DtlsConfig.DEFAULT_HANDSHAKE_TIMEOUT);
            server.handleTimeout(clock.nanos());
            assertEquals(DtlsFailure.TIMEOUT, drainUntil(server, DtlsEvent.HandshakeFailed.class).reason());
            assertEquals(threadsBefore, HandshakeThreads.liveThreads());
        }
    }

    @Test
    void handshakeTimeoutIsConfigurable() {
        DtlsConfig config = DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint())
                .handshakeTimeout(Duration.ofSeconds(2)).build();
        try (DtlsEndpoint client = new DtlsEndpoint(config)) {
            client.start(1_000);
            assertEquals(1_000 + Duration.ofSeconds(2).toNanos(), client.pollTimeout());
        }
    }

    @Test
    void closeDuringTheHandshakeStopsItsThreadAndReportsClosed() {
        try (DtlsPair pair = new DtlsPair(client(), server())) {
            pair.client.start(DtlsPair.now());
            pair.client.close();
            assertEquals(DtlsState.CLOSED, pair.client.state());
            pair.pump();
            assertEquals(new DtlsEvent.Closed(false, null), first(pair.clientEvents, DtlsEvent.Closed.class));
        }
    }

    @Test
    void closeNotifyGoesBothWays() {
        try (DtlsPair pair = new DtlsPair(client(), server())) {
            pair.start();
            pair.awaitConnected();
            pair.client.close(DtlsPair.now());
            pair.runUntil(() -> pair.server.state() == DtlsState.CLOSED, Duration.ofSeconds(5), "server closed");
            DtlsAlert closeNotify = new DtlsAlert(false, DtlsAlert.CLOSE_NOTIFY);
            // client sent close_notify, server received it, answered with its own, and reports a close by the peer
            assertTrue(DtlsPair.any(pair.clientEvents, DtlsEvent.AlertSent.class, a -> a.alert().equals(closeNotify)));
            assertTrue(DtlsPair.any(pair.serverEvents, DtlsEvent.AlertReceived.class,
                    a -> a.alert().equals(closeNotify)));
            assertTrue(DtlsPair.any(pair.serverEvents, DtlsEvent.AlertSent.class, a -> a.alert().equals(closeNotify)));
            assertEquals(new DtlsEvent.Closed(true, closeNotify), first(pair.serverEvents, DtlsEvent.Closed.class));
            assertEquals(new DtlsEvent.Closed(false, null), first(pair.clientEvents, DtlsEvent.Closed.class));
            // the server's answering close_notify reached the closed client and was ignored, not thrown
            assertTrue(pair.client.stats().ignoredDatagrams() >= 1);
        }
    }

    @Test
    void serverCanCloseToo() {
        try (DtlsPair pair = new DtlsPair(client(), server())) {
            pair.start();
            pair.awaitConnected();
            pair.server.close();
            pair.runUntil(() -> pair.client.state() == DtlsState.CLOSED, Duration.ofSeconds(5), "client closed");
            assertTrue(first(pair.clientEvents, DtlsEvent.Closed.class).byPeer());
        }
    }

    @Test
    void closeIsIdempotentAndStartOnlyOnce() {
        DtlsEndpoint client = new DtlsEndpoint(client());
        client.start(0);
        assertThrows(IllegalStateException.class, () -> client.start(0));
        client.close();
        client.close();
        assertEquals(DtlsState.CLOSED, client.state());
        assertEquals(1, drainAll(client).stream().filter(DtlsEvent.Closed.class::isInstance).count());
    }

    @Test
    void eachEndpointUsesOneHandshakeThreadOnlyWhileItsHandshakeRuns() {
        try (DtlsPair pair = new DtlsPair(client(), server())) {
            pair.start();
            assertTrue(HandshakeThreads.liveThreads() >= 1);
            pair.awaitConnected();
        }
        // pool threads end KEEP_ALIVE_MILLIS after their handshake; the extension asserts none is left
    }

    @Test
    void whenBusyTurnsFalseTheWholeFlightIsOut() {
        // The contract a deterministic driver relies on: once busy() is false after input, everything the handshake
        // thread will send in answer is already queued (never half a flight).
        try (DtlsEndpoint client = new DtlsEndpoint(client()); DtlsEndpoint server = new DtlsEndpoint(server())) {
            client.start(0);
            awaitIdle(client);
            List<byte[]> hello = drainTransmits(client);
            assertEquals(1, hello.size(), "the ClientHello is out before the client goes idle");
            assertTrue(!server.busy(), "a server with no ClientHello has no thread to be busy");
            server.handleReceive(1, ByteBuffer.wrap(hello.get(0)));
            awaitIdle(server);
            List<byte[]> flight = drainTransmits(server);
            assertEquals(5, flight.size(), "ServerHello, Certificate, ServerKeyExchange, CertificateRequest, Done");
            for (byte[] d : flight) {
                client.handleReceive(2, ByteBuffer.wrap(d));
            }
            awaitIdle(client);
            List<byte[]> clientFlight = drainTransmits(client);
            assertEquals(5, clientFlight.size(), "Certificate, ClientKeyExchange, CertificateVerify, CCS, Finished");
            for (byte[] d : clientFlight) {
                server.handleReceive(3, ByteBuffer.wrap(d));
            }
            awaitIdle(server);
            assertEquals(DtlsState.CONNECTED, server.state());
            List<byte[]> last = drainTransmits(server);
            assertEquals(2, last.size(), "ChangeCipherSpec, Finished");
            for (byte[] d : last) {
                client.handleReceive(4, ByteBuffer.wrap(d));
            }
            awaitIdle(client);
            assertEquals(DtlsState.CONNECTED, client.state());
            assertTrue(!client.busy() && !server.busy());
        }
    }

    private static void awaitIdle(DtlsEndpoint endpoint) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endpoint.busy()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(endpoint + " stayed busy");
            }
            Thread.onSpinWait();
        }
    }

    private static List<byte[]> drainTransmits(DtlsEndpoint endpoint) {
        List<byte[]> out = new java.util.ArrayList<>();
        DtlsTransmit t;
        while ((t = endpoint.pollTransmit()) != null) {
            out.add(t.bytes());
        }
        return out;
    }

    @Test
    void applicationDataFlowsBothWaysAfterTheHandshake() {
        try (DtlsPair pair = new DtlsPair(client(), server())) {
            pair.start();
            pair.awaitConnected();
            int max = pair.client.maxApplicationDataSize();
            // MTU 1200 - 13 header - 8 explicit nonce - 16 GCM tag (RFC 5288 §3)
            assertEquals(1200 - 13 - 8 - 16, max);
            byte[] big = new byte[max];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap("hello server".getBytes()));
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(big));
            pair.server.send(DtlsPair.now(), ByteBuffer.wrap("hello client".getBytes()));
            pair.client.send(DtlsPair.now(), ByteBuffer.allocate(0));
            pair.runUntil(() -> DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size() == 3
                            && DtlsPair.all(pair.clientEvents, DtlsEvent.ApplicationData.class).size() == 1,
                    Duration.ofSeconds(5), "application data");
            List<DtlsEvent.ApplicationData> atServer = DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class);
            assertArrayEquals("hello server".getBytes(), atServer.get(0).bytes());
            assertArrayEquals(big, atServer.get(1).bytes());
            assertEquals(0, atServer.get(2).bytes().length);
            assertArrayEquals("hello client".getBytes(),
                    first(pair.clientEvents, DtlsEvent.ApplicationData.class).bytes());
            assertTrue(pair.clientSent.stream().allMatch(d -> d.length <= 1200), "every datagram within the MTU");
            assertEquals(max + 12, pair.server.stats().applicationBytesReceived());
            assertEquals(max + 12, pair.client.stats().applicationBytesSent());
            assertEquals(0, pair.server.stats().rejectedRecords());
            var tooBig = assertThrows(IllegalArgumentException.class,
                    () -> pair.client.send(DtlsPair.now(), ByteBuffer.allocate(max + 1)));
            assertTrue(tooBig.getMessage().contains("exceeds"), tooBig.getMessage());
        }
    }

    @Test
    void severalRecordsInOneDatagramAreAllDelivered() {
        // Other stacks (OpenSSL, BoringSSL) pack several records into one datagram (RFC 6347 §4.1.1)
        DtlsPair.Link packing = new DtlsPair.Link() {
            private final List<byte[]> pending = new java.util.ArrayList<>();

            @Override
            public synchronized List<byte[]> carry(byte[] datagram) {
                if ((datagram[0] & 0xFF) != 23) {
                    return List.of(datagram);
                }
                pending.add(datagram);
                if (pending.size() < 3) {
                    return List.of();
                }
                java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
                pending.forEach(joined::writeBytes);
                pending.clear();
                return List.of(joined.toByteArray());
            }
        };
        try (DtlsPair pair = new DtlsPair(client(), server()).links(packing, DtlsPair.PERFECT)) {
            pair.start();
            pair.awaitConnected();
            byte[] big = new byte[pair.client.maxApplicationDataSize()];
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {1}));
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(big));
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {3, 3}));
            pair.runUntil(() -> DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size() == 3,
                    Duration.ofSeconds(5), "three messages from one datagram");
            List<DtlsEvent.ApplicationData> got = DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class);
            assertArrayEquals(new byte[] {1}, got.get(0).bytes());
            assertArrayEquals(big, got.get(1).bytes());
            assertArrayEquals(new byte[] {3, 3}, got.get(2).bytes());
            assertEquals(0, pair.server.stats().rejectedRecords());
        }
    }

    @Test
    void sendingBeforeTheHandshakeIsAnError() {
        try (DtlsEndpoint client = new DtlsEndpoint(client())) {
            var e = assertThrows(IllegalStateException.class, () -> client.send(0, ByteBuffer.allocate(1)));
            assertTrue(e.getMessage().contains("NEW"), e.getMessage());
        }
    }

    @Test
    void smallerMtuFragmentsTheHandshake() {
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint()).mtu(300).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, TestCertificates.rsaB())
                .remoteFingerprint(A.fingerprint()).mtu(300).build();
        DtlsConfig clientForRsa = DtlsConfig.builder(DtlsRole.CLIENT, A)
                .remoteFingerprint(TestCertificates.rsaB().fingerprint()).mtu(300).build();
        try (DtlsPair pair = new DtlsPair(clientForRsa, server)) {
            pair.start();
            pair.awaitConnected();
            assertTrue(pair.serverSent.stream().allMatch(d -> d.length <= 300));
            // the RSA certificate (~800 bytes) cannot fit one 300-byte datagram: it was fragmented
            assertTrue(pair.serverSent.stream().filter(d -> d[0] == 22 && d[13] == 11).count() >= 3);
        }
        assertEquals(300, client.mtu());
    }

    private static <T extends DtlsEvent> T drainUntil(DtlsEndpoint endpoint, Class<T> type) {
        return drainAll(endpoint).stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    private static List<DtlsEvent> drainAll(DtlsEndpoint endpoint) {
        List<DtlsEvent> out = new java.util.ArrayList<>();
        DtlsEvent e;
        while ((e = endpoint.pollEvent()) != null) {
            out.add(e);
        }
        while (endpoint.pollTransmit() != null) {
            // discard
        }
        return out;
    }
}
