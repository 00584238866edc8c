package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** REALM (RFC 8489 §14.9): the long-term credential realm (fewer than 128 characters on the wire). */
public record Realm(String value) implements StunAttribute {

    /** Longest value in UTF-8 bytes this codec accepts. */
    public static final int MAX_BYTES = 763;

    public Realm {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Realm longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return REALM;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static @Nullable Realm decode(ByteBuffer bytes) {
        if (bytes.remaining() > MAX_BYTES) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            return new Realm(s);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
