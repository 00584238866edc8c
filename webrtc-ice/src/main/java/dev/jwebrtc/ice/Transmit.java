package dev.jwebrtc.ice;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A datagram the agent wants sent. The driver sends {@code payload} from the local socket bound to
 * {@code source} (a base address the caller gave to {@link IceAgent#gather}) to {@code destination}.
 * mDNS queries and answers (draft-ietf-mmusic-mdns-ice-candidates) have source {@code 0.0.0.0:5353}, meaning
 * the driver's multicast socket, and destination {@code 224.0.0.251:5353}.
 *
 * @param source the local base address to send from
 * @param destination where to send
 * @param payload the bytes, position to limit; owned by the receiver of this record
 */
public record Transmit(InetSocketAddress source, InetSocketAddress destination, ByteBuffer payload) {

    public Transmit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
    }

    /** A copy of the payload bytes. */
    public byte[] bytes() {
        byte[] b = new byte[payload.remaining()];
        payload.duplicate().get(b);
        return b;
    }
}
