package dev.jwebrtc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W3C {@code RTCDataChannel}: a bidirectional message channel over the peer connection's SCTP association
 * (RFC 8831).
 *
 * <p>Thread-safe: {@link #send} may be called from any thread; it checks the state and size at once (throwing as a
 * browser would) and hands the message to the peer connection's event loop. Listener calls arrive on that loop,
 * in order; they must not block.
 */
public final class RTCDataChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RTCDataChannel.class);

    /** Events of one channel; every method has a default that does nothing. */
    public interface Listener {
        default void onOpen(RTCDataChannel channel) {}

        default void onMessage(RTCDataChannel channel, String text) {}

        /** A binary message; the buffer belongs to the listener. */
        default void onMessage(RTCDataChannel channel, ByteBuffer binary) {}

        default void onBufferedAmountLow(RTCDataChannel channel) {}

        default void onClosing(RTCDataChannel channel) {}

        default void onClose(RTCDataChannel channel) {}

        default void onError(RTCDataChannel channel, RTCException error) {}
    }

    private static final Listener NONE = new Listener() {};

    private final RTCPeerConnection connection;
    private final int handle;
    private final String label;
    private final RTCDataChannelInit init;
    private volatile @Nullable Integer id;
    private volatile RTCDataChannelState readyState = RTCDataChannelState.CONNECTING;
    private volatile Listener listener = NONE;
    /** Loop-only: whether onOpen reached a listener that was set. */
    private boolean openDelivered;
    private volatile long lowThreshold;
    private volatile long sctpBuffered;
    private final AtomicLong inFlightToLoop = new AtomicLong();
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();

    RTCDataChannel(RTCPeerConnection connection, int handle, String label, RTCDataChannelInit init) {
        this.connection = connection;
        this.handle = handle;
        this.label = label;
        this.init = init;
        this.id = init.id();
    }

    /**
     * Sets the listener. A channel created on a connection that is already up opens at once, possibly before this
     * call: {@link Listener#onOpen} is then delivered to the new listener (as a browser's handler set in the same
     * task would see it). Other events that happened before are not replayed.
     */
    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        connection.onLoop(engine -> {
            if (readyState == RTCDataChannelState.OPEN && !openDelivered) {
                openDelivered = true;
                Listener l = this.listener;
                call(() -> l.onOpen(this));
            }
        });
    }

    public String label() {
        return label;
    }

    public String protocol() {
        return init.protocol();
    }

    /** The SCTP stream id, or {@code null} until the DTLS role has decided it. */
    public @Nullable Integer id() {
        return id;
    }

    public boolean ordered() {
        return init.ordered();
    }

    public @Nullable Integer maxPacketLifeTime() {
        return init.maxPacketLifeTime();
    }

    public @Nullable Integer maxRetransmits() {
        return init.maxRetransmits();
    }

    public boolean negotiated() {
        return init.negotiated();
    }

    public RTCDataChannelState readyState() {
        return readyState;
    }

    /** Bytes accepted by {@link #send} and not yet handed to the network. */
    public long bufferedAmount() {
        return inFlightToLoop.get() + sctpBuffered;
    }

    public long bufferedAmountLowThreshold() {
        return lowThreshold;
    }

    /** {@link Listener#onBufferedAmountLow} fires when {@link #bufferedAmount()} falls to this or below. */
    public void setBufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new RTCException(RTCErrorType.RANGE, "bufferedAmountLowThreshold must not be negative");
        }
        lowThreshold = bytes;
        connection.onLoop(engine -> engine.setBufferedAmountLowThreshold(handle, bytes));
    }

    /**
     * Sends a text message.
     *
     * @throws RTCException {@code InvalidStateError} unless the channel is open; {@code TypeError} when the message is
     *     larger than the peer's {@code max-message-size}
     */
    public void send(String text) {
        Objects.requireNonNull(text, "text");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        checkSendable(utf8.length);
        inFlightToLoop.addAndGet(utf8.length);
        connection.onLoop(engine -> {
            inFlightToLoop.addAndGet(-utf8.length);
            if (engine.sendText(connection.now(), handle, text)) {
                messagesSent.incrementAndGet();
                bytesSent.addAndGet(utf8.length);
            } else {
                refused();
            }
            sctpBuffered = engine.bufferedAmount(handle);
        });
    }

    /** Sends the bytes from position to limit as a binary message (copied; the buffer is not kept). */
    public void send(ByteBuffer data) {
        int size = data.remaining();
        checkSendable(size);
        ByteBuffer copy = ByteBuffer.allocate(size).put(data.duplicate()).flip();
        inFlightToLoop.addAndGet(size);
        connection.onLoop(engine -> {
            inFlightToLoop.addAndGet(-size);
            if (engine.sendBinary(connection.now(), handle, copy)) {
                messagesSent.incrementAndGet();
                bytesSent.addAndGet(size);
            } else {
                refused();
            }
            sctpBuffered = engine.bufferedAmount(handle);
        });
    }

    /** Sends a binary message. */
    public void send(byte[] data) {
        send(ByteBuffer.wrap(data));
    }

    private void checkSendable(long size) {
        if (readyState != RTCDataChannelState.OPEN) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "data channel '" + label + "' is " + readyState);
        }
        long limit = connection.remoteMaxMessageSize();
        if (limit > 0 && size > limit) {
            throw new RTCException(RTCErrorType.TYPE, "message of " + size + " bytes exceeds the peer's max-message-size "
                    + limit + " on data channel '" + label + "'");
        }
    }

    private void refused() {
        // The SCTP send buffer is full: W3C closes the channel rather than dropping data silently.
        LOG.debug("data channel '{}': send buffer full, closing", label);
        fireError(new RTCException(RTCErrorType.OPERATION, "send buffer full on data channel '" + label + "'"));
        close();
    }

    /** Starts closing; {@link Listener#onClose} follows. Idempotent. */
    @Override
    public void close() {
        if (readyState == RTCDataChannelState.CLOSING || readyState == RTCDataChannelState.CLOSED) {
            return;
        }
        readyState = RTCDataChannelState.CLOSING;
        connection.onLoop(engine -> engine.closeDataChannel(connection.now(), handle));
    }

    /** W3C {@code RTCDataChannelStats.messagesSent}. */
    public long messagesSent() {
        return messagesSent.get();
    }

    /** W3C {@code RTCDataChannelStats.bytesSent}. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** W3C {@code RTCDataChannelStats.messagesReceived}. */
    public long messagesReceived() {
        return messagesReceived.get();
    }

    /** W3C {@code RTCDataChannelStats.bytesReceived}. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    int handle() {
        return handle;
    }

    // ---- events from the engine, on the loop ----

    void opened(int streamId) {
        id = streamId;
        readyState = RTCDataChannelState.OPEN;
        Listener l = listener;
        if (l != NONE) {
            openDelivered = true;
            call(() -> l.onOpen(this));
        }
    }

    void received(boolean binary, byte[] data) {
        messagesReceived.incrementAndGet();
        bytesReceived.addAndGet(data.length);
        Listener l = listener;
        if (binary) {
            call(() -> l.onMessage(this, ByteBuffer.wrap(data)));
        } else {
            call(() -> l.onMessage(this, new String(data, StandardCharsets.UTF_8)));
        }
    }

    boolean hasSctpBuffered() {
        return sctpBuffered > 0;
    }

    /**
     * The SCTP buffer now holds {@code sctpBufferedNow} bytes of this channel; fires {@code onBufferedAmountLow} when
     * the amount falls from above the threshold to at or below it (W3C §6.2).
     */
    void bufferedAmountLow(long sctpBufferedNow) {
        long before = bufferedAmount();
        sctpBuffered = sctpBufferedNow;
        long after = bufferedAmount();
        if (before > lowThreshold && after <= lowThreshold) {
            Listener l = listener;
            call(() -> l.onBufferedAmountLow(this));
        }
    }

    void closing() {
        readyState = RTCDataChannelState.CLOSING;
        Listener l = listener;
        call(() -> l.onClosing(this));
    }

    void closed() {
        if (readyState == RTCDataChannelState.CLOSED) {
            return;
        }
        readyState = RTCDataChannelState.CLOSED;
        sctpBuffered = 0;
        Listener l = listener;
        call(() -> l.onClose(this));
    }

    void fireError(RTCException error) {
        Listener l = listener;
        call(() -> l.onError(this, error));
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("data channel '{}' listener threw; ignored", label, e);
        }
    }

    @Override
    public String toString() {
        return "RTCDataChannel[" + label + ", id=" + id + ", " + readyState + "]";
    }
}
