package dev.jwebrtc.dtls.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DatagramTransport} Bouncy Castle's DTLS runs over: datagrams come from a queue the endpoint fills on the
 * caller's thread, and datagrams BC sends go to a sink the endpoint drains through {@code pollTransmit}.
 *
 * <p>Two modes. While the handshake runs on a pool thread, {@link #receive} blocks on the queue for at most BC's
 * {@code waitMillis}. Once the handshake is over, the endpoint switches to {@link #nonBlocking()} and calls BC on its
 * own thread: {@code receive} then never waits. The endpoint hands the datagram it is processing over with
 * {@link #borrow} (read straight into BC's record buffer, no intermediate copy) and asks BC for a record only while
 * {@link #hasInput()} holds, so BC normally gets a datagram on every call. Only when BC itself loops for more input
 * (the datagram's last records were not application data: an alert, a replayed or retransmitted record) does
 * {@code receive} find nothing, and it signals that with {@link QueueEmpty}, an {@link InterruptedIOException} that
 * BC's record layer passes through without failing the connection, so that no wall-clock time is spent spinning in
 * BC's receive loop. Outgoing records are BC's freshly allocated record buffers; after the handshake they are handed
 * to the sink without a copy.
 */
public final class QueuedDatagramTransport implements DatagramTransport {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedDatagramTransport.class);

    /** Enough for any single DTLS record (2^14 + 2048 + header) and then some; larger datagrams are dropped. */
    public static final int RECEIVE_LIMIT = DtlsRecords.MAX_FRAGMENT_LENGTH + 2 * DtlsRecords.HEADER_LENGTH;

    private static final int MIN_RECEIVE_LIMIT = 64;

    /** Inbound datagrams queued beyond this are dropped (a handshake needs a handful). */
    public static final int QUEUE_CAPACITY = 512;

    /** Raised by {@link #receive} in non-blocking mode when nothing is queued. */
    public static final class QueueEmpty extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        QueueEmpty() {
            super("no queued datagram");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final byte[] POISON = new byte[0];

    private final LinkedBlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<ByteBuffer> outbound;
    private final int mtu;
    private volatile boolean blocking = true;
    private volatile boolean aborted;
    private volatile boolean waiting;
    // Datagrams offered but not yet fully processed by the handshake thread: a datagram counts until the thread comes
    // back to receive() for the next one, so waitingForInput() cannot be true while BC still works on input.
    private final AtomicInteger unconsumed = new AtomicInteger();
    private boolean holdingTaken;
    private int lastLength;
    // Non-blocking mode only, caller's thread: the datagram being processed, borrowed from the driver for one call.
    private @Nullable ByteBuffer borrowed;

    /**
     * @param mtu the send limit handed to BC, which fragments handshake messages to fit it
     * @param outbound receives every datagram BC sends (position to limit), owned by the receiver from then on;
     *     called on whichever thread BC runs on
     */
    public QueuedDatagramTransport(int mtu, Consumer<ByteBuffer> outbound) {
        this.mtu = mtu;
        this.outbound = outbound;
    }

    /** Queues a datagram (already copied by the caller); false if the queue is full or the transport aborted. */
    public boolean offer(byte[] datagram) {
        if (aborted) {
            return false;
        }
        unconsumed.incrementAndGet();
        if (!inbound.offer(datagram)) {
            unconsumed.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Whether datagrams are queued. */
    public boolean hasQueued() {
        return !inbound.isEmpty();
    }

    /**
     * Non-blocking mode: lends the datagram (position to limit, not changed) for the next {@link #receive}, after any
     * queued ones. The caller must {@link #release} it before its own call returns.
     */
    public void borrow(ByteBuffer datagram) {
        if (blocking) {
            throw new IllegalStateException("borrow() is for the non-blocking mode");
        }
        borrowed = datagram;
    }

    /** Forgets a borrowed datagram that BC did not take (the association ended while processing). */
    public void release() {
        borrowed = null;
    }

    /** Non-blocking mode: whether {@link #receive} has a datagram to hand out (queued or borrowed). */
    public boolean hasInput() {
        return borrowed != null || !inbound.isEmpty();
    }

    /**
     * Whether the handshake thread is blocked in {@link #receive} with no datagram left to process: until one is
     * offered or BC's own retransmission timer fires, it produces nothing.
     */
    public boolean waitingForInput() {
        return waiting && unconsumed.get() == 0;
    }

    /** Switches to non-blocking receives for the caller's thread; called on the handshake thread when it ends. */
    public void nonBlocking() {
        if (holdingTaken) {
            holdingTaken = false;
            unconsumed.decrementAndGet();
        }
        blocking = false;
    }

    /** Stops everything: a blocked receive wakes up and fails, later sends are discarded. */
    public void abort() {
        aborted = true;
        inbound.clear();
        inbound.offer(POISON);
    }

    /**
     * BC allocates a record buffer of this size on every receive call. During the handshake that is the fixed
     * {@link #RECEIVE_LIMIT}; afterwards, on the caller's thread, it is just enough for the datagrams queued or
     * borrowed and for records still pending from the previous one, which saves ~18 KB of garbage per datagram.
     */
    @Override
    public int getReceiveLimit() {
        if (blocking) {
            return RECEIVE_LIMIT;
        }
        // The endpoint sizes its plaintext buffer from this before BC reads, and one BC receive may go through several
        // datagrams (records that are not application data make it read on), so cover all it might reach.
        int next = lastLength;
        ByteBuffer lent = borrowed;
        if (lent != null) {
            next = Math.max(next, lent.remaining());
        }
        if (!inbound.isEmpty()) {
            for (byte[] queued : inbound) {
                next = Math.max(next, queued.length);
            }
        }
        return Math.max(MIN_RECEIVE_LIMIT, next);
    }

    @Override
    public int getSendLimit() {
        return mtu;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        while (true) {
            byte[] datagram;
            if (aborted) {
                throw new IOException("DTLS transport aborted");
            }
            if (blocking) {
                if (holdingTaken) {
                    holdingTaken = false; // BC is back for more: the previous datagram is fully processed
                    waiting = true;
                    unconsumed.decrementAndGet();
                } else {
                    waiting = true;
                }
                try {
                    // BC never asks for 0 ("forever") during a handshake; bound it anyway so abort() is noticed.
                    datagram = inbound.poll(waitMillis > 0 ? waitMillis : 1000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a datagram");
                } finally {
                    waiting = false;
                }
                if (datagram == null) {
                    return -1;
                }
                holdingTaken = true;
            } else {
                datagram = inbound.poll();
                if (datagram == null) {
                    ByteBuffer lent = borrowed;
                    if (lent == null) {
                        throw new QueueEmpty();
                    }
                    borrowed = null;
                    return copyBorrowed(lent, buf, off, len);
                }
                unconsumed.decrementAndGet();
            }
            if (datagram == POISON) {
                throw new IOException("DTLS transport aborted");
            }
            if (datagram.length > len) {
                LOG.debug("dropped a {}-byte datagram larger than the {}-byte receive buffer", datagram.length, len);
                continue;
            }
            System.arraycopy(datagram, 0, buf, off, datagram.length);
            lastLength = datagram.length;
            return datagram.length;
        }
    }

    private int copyBorrowed(ByteBuffer lent, byte[] buf, int off, int len) throws QueueEmpty {
        int length = lent.remaining();
        if (length > len) {
            LOG.debug("dropped a {}-byte datagram larger than the {}-byte receive buffer", length, len);
            throw new QueueEmpty();
        }
        lent.get(lent.position(), buf, off, length);
        lastLength = length;
        return length;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (aborted) {
            return;
        }
        if (!blocking) {
            // After the handshake every record BC sends is the output array its cipher has just allocated for that
            // record (TlsAEADCipher.encodePlaintext; all our suites are AEAD), so it is handed over as it is.
            outbound.accept(ByteBuffer.wrap(buf, off, len));
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        outbound.accept(ByteBuffer.wrap(copy));
    }

    @Override
    public void close() {
        // BC calls this after its final close_notify; the endpoint owns the life cycle, so nothing to release here.
    }
}
