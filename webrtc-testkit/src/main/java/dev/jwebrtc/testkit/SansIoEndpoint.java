package dev.jwebrtc.testkit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The sans-IO shape every protocol core of jwebrtc has, as the {@link Stepper} sees it.
 *
 * <p>Cores keep their own transmit and event types; a test adapts a core to this interface in a few lines
 * (mapping the core's transmit record to a {@link Datagram}). The contract is the project's:
 * <ul>
 *   <li>{@code handleReceive} and {@code handleTimeout} take time as an argument; the endpoint never reads a clock;</li>
 *   <li>after each input the driver drains {@link #pollTransmit()} and {@link #pollEvent()} until both are
 *       {@code null}, then reads {@link #pollTimeout()};</li>
 *   <li>the buffer given to {@code handleReceive} is borrowed for the call only;</li>
 *   <li>bad remote input never throws.</li>
 * </ul>
 *
 * @param <E> the core's event type
 */
public interface SansIoEndpoint<E> {

    void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram);

    void handleTimeout(long nowNanos);

    /** The next datagram to send, or {@code null} when there is nothing to send. */
    @Nullable Datagram pollTransmit();

    /** The next event, or {@code null} when there is none. */
    @Nullable E pollEvent();

    /** Absolute time of the next deadline in nanoseconds; {@link Long#MAX_VALUE} when there is none. */
    long pollTimeout();

    /**
     * For the one impure kind of core, whose work partly runs on another thread (the DTLS handshake on Bouncy
     * Castle): whether such work is under way and may produce output without further input. The {@link Stepper}
     * waits, in bounded real time, until no endpoint is busy before it moves virtual time on. Pure cores keep the
     * default, {@code false}.
     */
    default boolean busy() {
        return false;
    }
}
