package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** ICE-CONTROLLING (RFC 8445 §16.1): the sender is controlling; the value is its 64-bit tie-breaker. */
public record IceControlling(long tieBreaker) implements StunAttribute {

    @Override
    public int type() {
        return ICE_CONTROLLING;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return ByteBuffer.allocate(8).putLong(tieBreaker).array();
    }

    static @Nullable IceControlling decode(ByteBuffer value) {
        return value.remaining() == 8 ? new IceControlling(value.getLong()) : null;
    }
}
