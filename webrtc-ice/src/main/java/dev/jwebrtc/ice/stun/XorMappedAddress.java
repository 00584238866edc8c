package dev.jwebrtc.ice.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the reflexive transport address, obfuscated by XOR. */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {

    public XorMappedAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("XorMappedAddress needs a resolved IP address, got " + address);
        }
    }

    @Override
    public int type() {
        return XOR_MAPPED_ADDRESS;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return AddressCodec.encode(address, true, transactionId);
    }

    static @Nullable XorMappedAddress decode(ByteBuffer value, byte[] transactionId) {
        InetSocketAddress a = AddressCodec.decode(value, true, transactionId);
        return a == null ? null : new XorMappedAddress(a);
    }
}
