package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the comprehension-required types a 420 response did not understand. */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {

    public UnknownAttributes {
        types = List.copyOf(types);
        for (int t : types) {
            if (t < 0 || t > 0xFFFF) {
                throw new IllegalArgumentException("attribute type out of range: " + t);
            }
        }
    }

    @Override
    public int type() {
        return UNKNOWN_ATTRIBUTES;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        ByteBuffer out = ByteBuffer.allocate(2 * types.size());
        types.forEach(t -> out.putShort((short) (int) t));
        return out.array();
    }

    static @Nullable UnknownAttributes decode(ByteBuffer value) {
        if (value.remaining() % 2 != 0) {
            return null;
        }
        List<Integer> list = new ArrayList<>();
        while (value.hasRemaining()) {
            list.add(value.getShort() & 0xFFFF);
        }
        return new UnknownAttributes(list);
    }
}
