package dev.jwebrtc.ice.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the relayed transport address the TURN server allocated. */
public record XorRelayedAddress(InetSocketAddress address) implements StunAttribute {

    public XorRelayedAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("XorRelayedAddress needs a resolved IP address, got " + address);
        }
    }

    @Override
    public int type() {
        return XOR_RELAYED_ADDRESS;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return AddressCodec.encode(address, true, transactionId);
    }

    static @Nullable XorRelayedAddress decode(ByteBuffer value, byte[] transactionId) {
        InetSocketAddress a = AddressCodec.decode(value, true, transactionId);
        return a == null ? null : new XorRelayedAddress(a);
    }
}
