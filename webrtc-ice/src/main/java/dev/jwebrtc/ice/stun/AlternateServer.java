package dev.jwebrtc.ice.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** ALTERNATE-SERVER (RFC 8489 §14.15): a different server the client should try (with 300 Try Alternate). */
public record AlternateServer(InetSocketAddress address) implements StunAttribute {

    public AlternateServer {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("AlternateServer needs a resolved IP address, got " + address);
        }
    }

    @Override
    public int type() {
        return ALTERNATE_SERVER;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return AddressCodec.encode(address, false, transactionId);
    }

    static @Nullable AlternateServer decode(ByteBuffer value, byte[] transactionId) {
        InetSocketAddress a = AddressCodec.decode(value, false, transactionId);
        return a == null ? null : new AlternateServer(a);
    }
}
