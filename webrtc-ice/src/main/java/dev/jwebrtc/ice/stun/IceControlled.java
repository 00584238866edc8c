package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** ICE-CONTROLLED (RFC 8445 §16.1): the sender is controlled; the value is its 64-bit tie-breaker. */
public record IceControlled(long tieBreaker) implements StunAttribute {

    @Override
    public int type() {
        return ICE_CONTROLLED;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return ByteBuffer.allocate(8).putLong(tieBreaker).array();
    }

    static @Nullable IceControlled decode(ByteBuffer value) {
        return value.remaining() == 8 ? new IceControlled(value.getLong()) : null;
    }
}
