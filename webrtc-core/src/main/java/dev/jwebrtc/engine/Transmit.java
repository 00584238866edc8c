package dev.jwebrtc.engine;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A datagram a core wants sent. The driver owns it once polled: the core does not touch the buffer again.
 *
 * @param source the local address to send from (selects the socket)
 * @param destination where to send it
 * @param payload the bytes, from position to limit
 */
public record Transmit(InetSocketAddress source, InetSocketAddress destination, ByteBuffer payload) {

    public Transmit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
    }
}
