package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An attribute type this codec does not know, kept as raw bytes (RFC 8489 §14: comprehension-optional ones are
 * ignored by processing but preserved; comprehension-required ones make a request fail with 420).
 */
public record UnknownAttribute(int type, byte[] value) implements StunAttribute {

    public UnknownAttribute {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Whether a receiver must understand this attribute (RFC 8489 §14). */
    public boolean comprehensionRequired() {
        return StunAttribute.isComprehensionRequired(type);
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return value.clone();
    }

    static UnknownAttribute decode(int type, ByteBuffer bytes) {
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        return new UnknownAttribute(type, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownAttribute u && u.type == type && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("UnknownAttribute[0x%04x, %d bytes]", type, value.length);
    }
}
