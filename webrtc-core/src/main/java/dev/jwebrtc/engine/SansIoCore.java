package dev.jwebrtc.engine;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The sans-IO contract (docs/architecture.md) as the Netty edge drives it: the engine implements it, and so
 * can any core a test wants to run over real UDP.
 *
 * @param <E> the event type
 */
public interface SansIoCore<E> {

    /** Takes one received datagram; {@code datagram} is borrowed for the call only. Never throws for bad input. */
    void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram);

    /** Called at (or after) the deadline {@link #pollTimeout()} returned. */
    void handleTimeout(long nowNanos);

    /** The next datagram to send, or {@code null}. */
    @Nullable Transmit pollTransmit();

    /** The next event, or {@code null}. */
    @Nullable E pollEvent();

    /** Absolute time in nanoseconds (same clock as {@code nowNanos}) of the next deadline; {@link Long#MAX_VALUE} for none. */
    long pollTimeout();
}
