package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Two endpoints wired back to back through an in-memory link that can drop, reorder or inject datagrams.
 *
 * <p>The handshake runs on real BC threads, so this driver uses real time: it moves datagrams whenever an endpoint
 * wakes it and waits for outcomes with a bounded timeout (never a fixed sleep).
 */
final class DtlsPair implements AutoCloseable {

    /** Decides the fate of each datagram on one direction of the link. */
    interface Link {
        /** The datagrams to deliver now for one sent datagram (empty: lost). */
        List<byte[]> carry(byte[] datagram);

        /** Datagrams held back (reordering) that must go out when the link is otherwise idle. */
        default List<byte[]> flush() {
            return List.of();
        }
    }

    static final Link PERFECT = List::of;

    private static final boolean TRACE = Boolean.getBoolean("jwebrtc.dtls.trace");
    private static final long T0 = System.nanoTime();

    /** A one-line summary of a DTLS datagram for tracing: content type, epoch, handshake type. */
    static String describe(byte[] d) {
        if (d.length < 14) {
            return "short";
        }
        return "type=" + (d[0] & 0xFF) + " epoch=" + (d[4] & 0xFF) + " hs=" + (d[13] & 0xFF) + " len=" + d.length;
    }

    final DtlsEndpoint client;
    final DtlsEndpoint server;
    final List<DtlsEvent> clientEvents = Collections.synchronizedList(new ArrayList<>());
    final List<DtlsEvent> serverEvents = Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> clientSent = Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> serverSent = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore activity = new Semaphore(0);
    private Link toServer = PERFECT;
    private Link toClient = PERFECT;

    DtlsPair(DtlsConfig clientConfig, DtlsConfig serverConfig) {
        client = new DtlsEndpoint(clientConfig, activity::release);
        server = new DtlsEndpoint(serverConfig, activity::release);
    }

    static DtlsPair of(DtlsCertificate clientCert, DtlsCertificate serverCert) {
        return new DtlsPair(
                DtlsConfig.builder(DtlsRole.CLIENT, clientCert).remoteFingerprint(serverCert.fingerprint()).build(),
                DtlsConfig.builder(DtlsRole.SERVER, serverCert).remoteFingerprint(clientCert.fingerprint()).build());
    }

    DtlsPair links(Link toServer, Link toClient) {
        this.toServer = toServer;
        this.toClient = toClient;
        return this;
    }

    static long now() {
        return System.nanoTime();
    }

    void start() {
        server.start(now());
        client.start(now());
    }

    /** Moves everything pending once; true if anything moved. */
    boolean pump() {
        boolean moved = false;
        moved |= drain(client, clientEvents, clientSent, toServer, server);
        moved |= drain(server, serverEvents, serverSent, toClient, client);
        long now = now();
        for (DtlsEndpoint e : new DtlsEndpoint[] {client, server}) {
            if (e.pollTimeout() - now <= 0) {
                e.handleTimeout(now);
                moved = true;
            }
        }
        if (!moved) {
            moved |= deliver(toServer.flush(), server);
            moved |= deliver(toClient.flush(), client);
        }
        return moved;
    }

    private static boolean drain(DtlsEndpoint from, List<DtlsEvent> events, List<byte[]> sent, Link link,
                                 DtlsEndpoint to) {
        boolean moved = false;
        DtlsTransmit t;
        while ((t = from.pollTransmit()) != null) {
            moved = true;
            byte[] bytes = t.bytes();
            sent.add(bytes);
            List<byte[]> carried = link.carry(bytes);
            if (TRACE) {
                System.err.printf("%8.3f %s %s %s%n", (now() - T0) / 1e6, from == to ? "?" : (sent.size() + ""),
                        describe(bytes), carried.isEmpty() ? "LOST" : "ok+" + (carried.size() - 1));
            }
            deliver(carried, to);
        }
        DtlsEvent e;
        while ((e = from.pollEvent()) != null) {
            moved = true;
            events.add(e);
        }
        return moved;
    }

    private static boolean deliver(List<byte[]> datagrams, DtlsEndpoint to) {
        for (byte[] d : datagrams) {
            to.handleReceive(now(), ByteBuffer.wrap(d));
        }
        return !datagrams.isEmpty();
    }

    /** Pumps until {@code done} holds; fails the test after {@code max} of real time. */
    void runUntil(BooleanSupplier done, Duration max, String what) {
        long deadline = now() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (now() - deadline > 0) {
                fail("timed out after " + max + " waiting for " + what + "\nclient " + client.state() + " "
                        + clientEvents + "\nserver " + server.state() + " " + serverEvents);
            }
            if (!pump()) {
                try {
                    activity.tryAcquire(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
        pump();
    }

    void awaitConnected() {
        runUntil(() -> client.state() == DtlsState.CONNECTED && server.state() == DtlsState.CONNECTED
                        && has(clientEvents, DtlsEvent.Connected.class) && has(serverEvents, DtlsEvent.Connected.class),
                Duration.ofSeconds(20), "both endpoints connected");
    }

    static boolean has(List<DtlsEvent> events, Class<? extends DtlsEvent> type) {
        synchronized (events) {
            return events.stream().anyMatch(type::isInstance);
        }
    }

    static <T extends DtlsEvent> T first(List<DtlsEvent> events, Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + events));
        }
    }

    static <T extends DtlsEvent> List<T> all(List<DtlsEvent> events, Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static <T extends DtlsEvent> boolean any(List<DtlsEvent> events, Class<T> type, Predicate<T> test) {
        return all(events, type).stream().anyMatch(test);
    }

    @Override
    public void close() {
        client.close();
        server.close();
        pump();
    }
}
