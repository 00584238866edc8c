package dev.jwebrtc.dtls;

import dev.jwebrtc.dtls.internal.ChangeCipherSpecGate;
import dev.jwebrtc.dtls.internal.DtlsRecords;
import dev.jwebrtc.dtls.internal.HandshakeThreads;
import dev.jwebrtc.dtls.internal.QueuedDatagramTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSRecordCallback;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 association (RFC 6347) with DTLS-SRTP keying (RFC 5764), behind the sans-IO contract:
 * {@link #handleReceive}, {@link #handleTimeout}, {@link #pollTransmit}, {@link #pollEvent}, {@link #pollTimeout}.
 *
 * <p>The handshake is Bouncy Castle's, which blocks; it runs on a thread of a small shared daemon pool
 * ({@code jwebrtc-dtls-*}) only while it lasts. Datagrams it sends and events it raises are queued for the poll
 * methods, and the {@code wakeup} callback tells the driver that there is something to poll. After the handshake,
 * records are decrypted and encrypted on the caller's thread, without blocking.
 *
 * <p>Driver duties: call {@link #start} once (a server may skip it: the first ClientHello starts it); after every
 * call, and whenever {@code wakeup} runs, drain {@link #pollTransmit} and {@link #pollEvent} until both return
 * null and re-arm the timer to {@link #pollTimeout}. All methods are thread-safe, but are meant to be called from one
 * driver thread. {@code wakeup} is called on a handshake thread; it must be quick and must not call back into the
 * endpoint on that thread (hand the drain over to the driver's thread instead).
 */
public final class DtlsEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DtlsEndpoint.class);
    private static final byte[] NO_BYTES = new byte[0];

    private final DtlsConfig config;
    private final Runnable wakeup;
    private final Object lock = new Object();
    private final ConcurrentLinkedQueue<DtlsTransmit> transmits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DtlsEvent> events = new ConcurrentLinkedQueue<>();
    private final QueuedDatagramTransport transport;
    private final ChangeCipherSpecGate ccsGate = new ChangeCipherSpecGate();
    private final HandshakeSupport support;
    private final DTLSRecordCallback recordAccepted = flags -> this.acceptedRecords++;
    // The plaintext buffer for the next application record; handed over with the event it fills, so BC decrypts
    // straight into the event's array. Kept for the next call while no record filled it.
    private byte @Nullable [] spare;

    private final DtlsCounters counters = new DtlsCounters();

    private volatile DtlsState state = DtlsState.NEW;
    private volatile @Nullable Thread handshakeThread;
    private volatile boolean aborted;
    private volatile boolean closeNotifyReceived;
    private volatile boolean handshakeSubmitted;
    private volatile boolean handshakeRunning;
    private volatile boolean completed;
    private boolean backlog;
    private long deadlineNanos = Long.MAX_VALUE;
    private long lastNowNanos;
    private int acceptedRecords;
    private @Nullable DTLSTransport dtls;

    /** An endpoint whose driver polls without being woken (tests, simple loops). */
    public DtlsEndpoint(DtlsConfig config) {
        this(config, () -> { });
    }

    /**
     * @param config the configuration
     * @param wakeup called on a handshake thread when datagrams or events were queued; see the class comment
     */
    public DtlsEndpoint(DtlsConfig config, Runnable wakeup) {
        this.config = Objects.requireNonNull(config, "config");
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
        this.support = new HandshakeSupport(config, this::bcEvent);
        this.transport = new QueuedDatagramTransport(config.mtu(), this::bcSend);
    }

    /** The configuration. */
    public DtlsConfig config() {
        return config;
    }

    /** The current state. */
    public DtlsState state() {
        return state;
    }

    /**
     * Whether the handshake is computing on its pool thread, so that output may appear without further input.
     * True from the moment a datagram is queued until the thread has processed it and waits again; false while it
     * waits for a datagram (or for Bouncy Castle's own retransmission timer, which runs on the wall clock) and once
     * the handshake is over. Deterministic drivers (the testkit's stepper) wait while this is true, then drain.
     */
    public boolean busy() {
        // handshakeRunning drops only after the handshake's last events are queued, so a driver that sees busy() turn
        // false and drains once cannot miss Connected or HandshakeFailed.
        return handshakeRunning && !transport.waitingForInput();
    }

    /**
     * The DER certificates the peer presented, end-entity first, as W3C
     * {@code RTCDtlsTransport.getRemoteCertificates()} returns them; empty until the handshake has completed.
     * Each call returns fresh copies.
     */
    public List<byte[]> remoteCertificates() {
        if (!completed) {
            return List.of();
        }
        return support.remoteChain().stream().map(byte[]::clone).toList();
    }

    /** A snapshot of the counters. */
    public DtlsStats stats() {
        return counters.snapshot();
    }

    /**
     * Starts the handshake: a client sends its ClientHello, a server waits for one. The handshake timeout counts
     * from here.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start(long nowNanos) {
        synchronized (lock) {
            if (state != DtlsState.NEW) {
                throw new IllegalStateException("start() called in state " + state);
            }
            begin(nowNanos);
            if (config.role() == DtlsRole.CLIENT) {
                submitHandshake();
            }
        }
    }

    /** {@link #handleReceive(long, ByteBuffer)}; DTLS itself has no use for the addresses. */
    public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        handleReceive(nowNanos, datagram);
    }

    /**
     * Feeds one datagram from the peer. The buffer is borrowed for the call (position to limit) and not changed.
     * Anything that is not well-formed DTLS is counted and dropped.
     */
    public void handleReceive(long nowNanos, ByteBuffer datagram) {
        counters.datagramsReceived.incrementAndGet();
        int records = DtlsRecords.countRecords(datagram);
        if (records < 0 || datagram.remaining() > QueuedDatagramTransport.RECEIVE_LIMIT) {
            counters.malformedDatagrams.incrementAndGet();
            LOG.debug("dropped a malformed {}-byte datagram in state {}", datagram.remaining(), state);
            return;
        }
        synchronized (lock) {
            lastNowNanos = Math.max(lastNowNanos, nowNanos);
            switch (state) {
                case NEW:
                case CONNECTING:
                    if (config.role() == DtlsRole.SERVER && !handshakeSubmitted) {
                        if (!DtlsRecords.startsWithClientHello(datagram)) {
                            ignore("a server waiting for a ClientHello");
                            return;
                        }
                        if (state == DtlsState.NEW) {
                            begin(nowNanos);
                        }
                        enqueue(datagram);
                        submitHandshake();
                    } else if (state == DtlsState.NEW) {
                        ignore("a client not started yet");
                    } else {
                        enqueue(datagram);
                    }
                    return;
                case CONNECTED:
                    // Read straight from the caller's buffer, after any backlog (processConnected drains it all).
                    transport.borrow(datagram);
                    backlog = false;
                    acceptedRecords = 0;
                    try {
                        processConnected();
                    } finally {
                        transport.release();
                    }
                    counters.rejectedRecords.addAndGet(Math.max(0, records - acceptedRecords));
                    return;
                default:
                    ignore("an endpoint in state " + state);
            }
        }
    }

    /** Handles timers: the overall handshake timeout, and records left queued when the handshake ended. */
    public void handleTimeout(long nowNanos) {
        synchronized (lock) {
            lastNowNanos = Math.max(lastNowNanos, nowNanos);
            if (state == DtlsState.CONNECTING && nowNanos - deadlineNanos >= 0) {
                abortHandshake();
                state = DtlsState.FAILED;
                events.add(new DtlsEvent.HandshakeFailed(DtlsFailure.TIMEOUT, null,
                        "no DTLS handshake within " + config.handshakeTimeout().toMillis() + " ms"));
                LOG.debug("handshake timed out");
            } else if (state == DtlsState.CONNECTED && backlog) {
                backlog = false;
                processConnected();
            }
        }
    }

    /** The next datagram to send, or null. */
    public @Nullable DtlsTransmit pollTransmit() {
        return transmits.poll();
    }

    /** The next event, or null. */
    public @Nullable DtlsEvent pollEvent() {
        return events.poll();
    }

    /**
     * The absolute time (driver's clock) at which {@link #handleTimeout} should be called, or {@code Long.MAX_VALUE}.
     * While the handshake runs this is its overall deadline; retransmissions run on the handshake thread and
     * announce themselves through {@code wakeup}.
     */
    public long pollTimeout() {
        synchronized (lock) {
            if (state == DtlsState.CONNECTING) {
                return deadlineNanos;
            }
            if (state == DtlsState.CONNECTED && backlog) {
                return lastNowNanos;
            }
            return Long.MAX_VALUE;
        }
    }

    /**
     * The largest application message {@link #send} accepts: one record must fit in one MTU-sized datagram.
     *
     * @throws IllegalStateException before the handshake completed
     */
    public int maxApplicationDataSize() {
        synchronized (lock) {
            try {
                return connected("maxApplicationDataSize").getSendLimit();
            } catch (IOException e) {
                throw new IllegalStateException("record layer failed", e);
            }
        }
    }

    /**
     * Encrypts one application message into one record; the datagram appears in {@link #pollTransmit}.
     * The buffer is read from position to limit and not kept.
     *
     * @throws IllegalStateException if the endpoint is not connected
     * @throws IllegalArgumentException if the message exceeds {@link #maxApplicationDataSize()}
     */
    public void send(long nowNanos, ByteBuffer data) {
        synchronized (lock) {
            lastNowNanos = Math.max(lastNowNanos, nowNanos);
            DTLSTransport t = connected("send");
            int limit;
            try {
                limit = t.getSendLimit();
            } catch (IOException e) {
                throw new IllegalStateException("record layer failed", e);
            }
            if (data.remaining() > limit) {
                throw new IllegalArgumentException("application message of " + data.remaining()
                        + " bytes exceeds the " + limit + "-byte record limit for MTU " + config.mtu());
            }
            int length = data.remaining();
            byte[] bytes;
            int offset;
            if (data.hasArray() && length > 0) {
                // BC only reads the plaintext (it encrypts into a new record buffer): no copy needed.
                bytes = data.array();
                offset = data.arrayOffset() + data.position();
            } else {
                // RFC 5246 §6.2.1 allows empty application data records; BC rejects a zero-length array, not length 0.
                bytes = new byte[Math.max(1, length)];
                data.duplicate().get(bytes, 0, length);
                offset = 0;
            }
            try {
                t.send(bytes, offset, length);
                counters.applicationBytesSent.addAndGet(length);
            } catch (IOException e) {
                LOG.debug("record layer failed while sending", e);
                endConnection(DtlsState.FAILED, false, null);
            }
        }
    }

    /** Closes at the driver's time {@code nowNanos}; same as {@link #close()}. */
    public void close(long nowNanos) {
        synchronized (lock) {
            lastNowNanos = Math.max(lastNowNanos, nowNanos);
        }
        close();
    }

    /**
     * Ends the association: sends close_notify if connected, stops a running handshake (its thread ends promptly),
     * and emits {@link DtlsEvent.Closed}. Idempotent; never blocks.
     */
    @Override
    public void close() {
        synchronized (lock) {
            switch (state) {
                case NEW:
                case CONNECTING:
                    abortHandshake();
                    state = DtlsState.CLOSED;
                    events.add(new DtlsEvent.Closed(false, null));
                    break;
                case CONNECTED:
                    try {
                        Objects.requireNonNull(dtls).close(); // RFC 5246 §7.2.1: sends close_notify
                    } catch (IOException e) {
                        LOG.debug("error while sending close_notify", e);
                    }
                    endConnection(DtlsState.CLOSED, false, null);
                    break;
                default:
                    break;
            }
        }
    }

    // ---- caller's thread, under lock ----

    private void begin(long nowNanos) {
        state = DtlsState.CONNECTING;
        lastNowNanos = Math.max(lastNowNanos, nowNanos);
        deadlineNanos = nowNanos + config.handshakeTimeout().toNanos();
        LOG.debug("DTLS {} starting", config.role());
    }

    private void submitHandshake() {
        handshakeSubmitted = true;
        handshakeRunning = true;
        HandshakeThreads.submit(this::runHandshake);
    }

    private void enqueue(ByteBuffer datagram) {
        byte[] copy = new byte[datagram.remaining()];
        datagram.duplicate().get(copy);
        if (config.role() == DtlsRole.SERVER && state == DtlsState.CONNECTING) {
            for (byte[] admitted : ccsGate.admit(copy)) {
                offer(admitted);
            }
        } else {
            offer(copy);
        }
    }

    private void offer(byte[] datagram) {
        if (!transport.offer(datagram)) {
            ignore("a full inbound queue");
        }
    }

    private void ignore(String where) {
        counters.ignoredDatagrams.incrementAndGet();
        LOG.debug("ignored a datagram: arrived at {}", where);
    }

    private DTLSTransport connected(String operation) {
        DTLSTransport t = dtls;
        if (state != DtlsState.CONNECTED || t == null) {
            throw new IllegalStateException(operation + "() needs a connected endpoint, state is " + state);
        }
        return t;
    }

    private void abortHandshake() {
        aborted = true;
        deadlineNanos = Long.MAX_VALUE;
        transport.abort();
    }

    /**
     * Runs the backlog and the borrowed datagram through BC's record layer on this thread; never waits. Records
     * BC still holds from an earlier datagram go first ({@code receivePending}); BC is asked for a new datagram only
     * while the transport has one, so an empty queue normally costs nothing.
     */
    private void processConnected() {
        DTLSTransport t = Objects.requireNonNull(dtls);
        while (state == DtlsState.CONNECTED) {
            byte[] out = NO_BYTES;
            int length;
            try {
                int limit = t.getReceiveLimit();
                out = spare;
                if (out == null || out.length < limit) {
                    out = new byte[limit];
                    spare = out;
                }
                length = t.receivePending(out, 0, limit, recordAccepted);
                if (length < 0 && !closeNotifyReceived) {
                    if (!transport.hasInput()) {
                        return;
                    }
                    length = t.receive(out, 0, limit, 1, recordAccepted);
                }
            } catch (QueuedDatagramTransport.QueueEmpty e) {
                // BC looped for more input after records that were not application data: nothing is left.
                length = -1;
                if (!closeNotifyReceived) {
                    return;
                }
            } catch (TlsFatalAlertReceived e) {
                DtlsAlert alert = new DtlsAlert(true, e.getAlertDescription());
                endConnection(DtlsState.FAILED, true, alert);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.debug("record layer failed", e);
                endConnection(DtlsState.FAILED, false, null);
                return;
            }
            if (length >= 0) {
                spare = null; // the event owns the array now
                counters.applicationBytesReceived.addAndGet(length);
                events.add(new DtlsEvent.ApplicationData(ByteBuffer.wrap(out, 0, length).slice()));
            }
            if (closeNotifyReceived) {
                // RFC 5246 §7.2.1: BC has answered with its own close_notify already.
                endConnection(DtlsState.CLOSED, true, new DtlsAlert(false, DtlsAlert.CLOSE_NOTIFY));
                return;
            }
        }
    }

    private void endConnection(DtlsState end, boolean byPeer, @Nullable DtlsAlert alert) {
        state = end;
        dtls = null;
        aborted = true;
        transport.abort();
        events.add(new DtlsEvent.Closed(byPeer, alert));
        LOG.debug("DTLS association {} ({})", end, byPeer ? "by peer" : "locally");
    }

    // ---- handshake thread ----

    private void runHandshake() {
        handshakeThread = Thread.currentThread();
        DTLSTransport result = null;
        Throwable error = null;
        try {
            if (config.role() == DtlsRole.CLIENT) {
                result = new DTLSClientProtocol().connect(new WebRtcDtlsClient(support), transport);
            } else {
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // No HelloVerifyRequest: ICE consent already proved the address, and a cookie round trip costs an
                // RTT (RFC 6347 §4.2.1 makes the exchange optional). BC's DTLSVerifier is not used either: it drops
                // fragmented ClientHellos such as Chromium's.
                protocol.setVerifyRequests(false);
                result = protocol.accept(new WebRtcDtlsServer(support), transport);
            }
        } catch (Throwable e) {
            error = e;
        } finally {
            handshakeThread = null;
        }
        synchronized (lock) {
            try {
                publishOutcome(result, error);
            } finally {
                handshakeRunning = false;
            }
        }
        wakeup.run();
    }

    private void publishOutcome(@Nullable DTLSTransport result, @Nullable Throwable error) {
        if (state != DtlsState.CONNECTING) {
            // Closed or timed out meanwhile; the transport is aborted, so nothing more goes out.
            LOG.debug("handshake ended after the endpoint was {}", state);
            return;
        }
        if (error == null && result != null) {
            dtls = result;
            completed = true;
            transport.nonBlocking();
            state = DtlsState.CONNECTED;
            deadlineNanos = Long.MAX_VALUE;
            DtlsCipherSuite suite = DtlsCipherSuite.byId(support.cipherSuite()).orElseThrow();
            events.add(new DtlsEvent.Connected(support.srtpKeys(),
                    Objects.requireNonNull(support.remoteFingerprint()), suite));
            backlog = transport.hasQueued();
            LOG.debug("DTLS {} connected with {}, SRTP {}", config.role(), suite, support.selectedProfile());
        } else {
            abortHandshake();
            state = DtlsState.FAILED;
            events.add(support.failureEvent(Objects.requireNonNull(error)));
        }
    }

    // ---- any thread BC runs on ----

    private void bcSend(ByteBuffer datagram) {
        transmits.add(DtlsTransmit.wrap(datagram));
        counters.datagramsSent.incrementAndGet();
        if (Thread.currentThread() == handshakeThread) {
            wakeup.run();
        }
    }

    private void bcEvent(DtlsEvent event) {
        if (aborted) {
            return; // BC reporting its own teardown after we ended the association
        }
        if (event instanceof DtlsEvent.AlertReceived received && !received.alert().fatal()
                && received.alert().description() == DtlsAlert.CLOSE_NOTIFY) {
            closeNotifyReceived = true;
        }
        events.add(event);
    }

    @Override
    public String toString() {
        return "DtlsEndpoint[" + config.role() + ", " + state + "]";
    }
}
