package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to this attribute, with the header length
 * counting up to its end. {@link StunMessage.Builder#integrity(byte[])} computes it;
 * {@link StunMessage#verifyIntegrity(byte[])} checks it.
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {

    public static final int LENGTH = 20;

    public MessageIntegrity {
        if (hmac.length != LENGTH) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes, got " + hmac.length);
        }
        hmac = hmac.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return MESSAGE_INTEGRITY;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return hmac.clone();
    }

    static @Nullable MessageIntegrity decode(ByteBuffer value) {
        if (value.remaining() != LENGTH) {
            return null;
        }
        byte[] b = new byte[LENGTH];
        value.get(b);
        return new MessageIntegrity(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrity m && Arrays.equals(hmac, m.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
