package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** NONCE (RFC 8489 §14.10): the server nonce for long-term credentials. */
public record Nonce(String value) implements StunAttribute {

    /** Longest value in UTF-8 bytes this codec accepts. */
    public static final int MAX_BYTES = 763;

    public Nonce {
        Utf8Text.check("Nonce", value, MAX_BYTES);
    }

    @Override
    public int type() {
        return NONCE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return Utf8Text.encode(value);
    }

    static @Nullable Nonce decode(ByteBuffer bytes) {
        String s = Utf8Text.decode(bytes, MAX_BYTES);
        return s == null ? null : new Nonce(s);
    }
}
