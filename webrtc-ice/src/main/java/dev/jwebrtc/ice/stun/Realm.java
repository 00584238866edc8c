package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** REALM (RFC 8489 §14.9): the long-term credential realm (fewer than 128 characters on the wire). */
public record Realm(String value) implements StunAttribute {

    /** Longest value in UTF-8 bytes this codec accepts. */
    public static final int MAX_BYTES = 763;

    public Realm {
        Utf8Text.check("Realm", value, MAX_BYTES);
    }

    @Override
    public int type() {
        return REALM;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return Utf8Text.encode(value);
    }

    static @Nullable Realm decode(ByteBuffer bytes) {
        String s = Utf8Text.decode(bytes, MAX_BYTES);
        return s == null ? null : new Realm(s);
    }
}
