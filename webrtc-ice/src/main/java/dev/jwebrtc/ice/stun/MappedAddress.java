package dev.jwebrtc.ice.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** MAPPED-ADDRESS (RFC 8489 §14.1): the reflexive transport address in clear (legacy servers). */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {

    public MappedAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("MappedAddress needs a resolved IP address, got " + address);
        }
    }

    @Override
    public int type() {
        return MAPPED_ADDRESS;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return AddressCodec.encode(address, false, transactionId);
    }

    static @Nullable MappedAddress decode(ByteBuffer value, byte[] transactionId) {
        InetSocketAddress a = AddressCodec.decode(value, false, transactionId);
        return a == null ? null : new MappedAddress(a);
    }
}
