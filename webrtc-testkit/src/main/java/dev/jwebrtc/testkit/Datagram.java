package dev.jwebrtc.testkit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One UDP datagram inside the simulation.
 *
 * <p>The payload is copied on construction and exposed read-only, so a datagram can be kept, replayed or
 * duplicated by the network without the sender being able to change it afterwards.
 *
 * @param source where it comes from, as the receiver will see it after any NAT on the way
 * @param destination where it goes
 * @param payload the bytes (position to limit), read-only
 */
public record Datagram(InetSocketAddress source, InetSocketAddress destination, ByteBuffer payload) {

    public Datagram {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.duplicate()).flip();
        payload = copy.asReadOnlyBuffer();
    }

    /** A datagram of the given bytes. */
    public static Datagram of(InetSocketAddress source, InetSocketAddress destination, byte[] bytes) {
        return new Datagram(source, destination, ByteBuffer.wrap(bytes));
    }

    /** The payload size in bytes. */
    public int size() {
        return payload.remaining();
    }

    /** A fresh copy of the payload bytes. */
    public byte[] bytes() {
        byte[] out = new byte[payload.remaining()];
        payload.duplicate().get(out);
        return out;
    }

    /** The same payload between other addresses (what a NAT does to a datagram). */
    public Datagram withAddresses(InetSocketAddress newSource, InetSocketAddress newDestination) {
        return new Datagram(newSource, newDestination, payload);
    }

    @Override
    public String toString() {
        return "Datagram[" + source + " -> " + destination + ", " + size() + " bytes]";
    }
}
