package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** PRIORITY (RFC 8445 §16.1): the priority a peer-reflexive candidate learnt from this check would get. */
public record Priority(long priority) implements StunAttribute {

    public Priority {
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Priority must fit in 32 unsigned bits: " + priority);
        }
    }

    @Override
    public int type() {
        return PRIORITY;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return ByteBuffer.allocate(4).putInt((int) priority).array();
    }

    static @Nullable Priority decode(ByteBuffer value) {
        return value.remaining() == 4 ? new Priority(value.getInt() & 0xFFFF_FFFFL) : null;
    }
}
