package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** LIFETIME (RFC 8656 §18.2): the allocation lifetime in seconds; 0 in a Refresh deletes the allocation. */
public record Lifetime(long seconds) implements StunAttribute {

    public Lifetime {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Lifetime must fit in 32 unsigned bits: " + seconds);
        }
    }

    @Override
    public int type() {
        return LIFETIME;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return ByteBuffer.allocate(4).putInt((int) seconds).array();
    }

    static @Nullable Lifetime decode(ByteBuffer value) {
        return value.remaining() == 4 ? new Lifetime(value.getInt() & 0xFFFF_FFFFL) : null;
    }
}
