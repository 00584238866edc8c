package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The shared rules of the UTF-8 text attributes (USERNAME, REALM, NONCE, SOFTWARE; RFC 8489 §14). */
final class Utf8Text {

    private Utf8Text() {}

    /** Checks a caller's value: not null, at most {@code maxBytes} of UTF-8. */
    static String check(String attribute, String value, int maxBytes) {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalArgumentException(attribute + " longer than " + maxBytes + " bytes");
        }
        return value;
    }

    static byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes network bytes, or returns {@code null} when too long or not valid UTF-8 (never throws). */
    static @Nullable String decode(ByteBuffer bytes, int maxBytes) {
        if (bytes.remaining() > maxBytes) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
