package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256 over the message up to this attribute, possibly
 * truncated to 16..32 bytes in steps of 4.
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {

    public MessageIntegritySha256 {
        if (hmac.length < 16 || hmac.length > 32 || hmac.length % 4 != 0) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 is 16..32 bytes in steps of 4, got "
                    + hmac.length);
        }
        hmac = hmac.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return hmac.clone();
    }

    static @Nullable MessageIntegritySha256 decode(ByteBuffer value) {
        int n = value.remaining();
        if (n < 16 || n > 32 || n % 4 != 0) {
            return null;
        }
        byte[] b = new byte[n];
        value.get(b);
        return new MessageIntegritySha256(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256 m && Arrays.equals(hmac, m.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
