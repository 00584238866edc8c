package dev.jwebrtc.ice.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** XOR-PEER-ADDRESS (RFC 8656 §18.3): a peer's address as seen from the TURN server. */
public record XorPeerAddress(InetSocketAddress address) implements StunAttribute {

    public XorPeerAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("XorPeerAddress needs a resolved IP address, got " + address);
        }
    }

    @Override
    public int type() {
        return XOR_PEER_ADDRESS;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return AddressCodec.encode(address, true, transactionId);
    }

    static @Nullable XorPeerAddress decode(ByteBuffer value, byte[] transactionId) {
        InetSocketAddress a = AddressCodec.decode(value, true, transactionId);
        return a == null ? null : new XorPeerAddress(a);
    }
}
