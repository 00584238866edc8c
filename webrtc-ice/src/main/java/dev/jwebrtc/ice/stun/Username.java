package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** USERNAME (RFC 8489 §14.3): the user name, UTF-8; for ICE "remoteUfrag:localUfrag" (RFC 8445 §7.2.2). */
public record Username(String value) implements StunAttribute {

    /** Longest value in UTF-8 bytes this codec accepts. */
    public static final int MAX_BYTES = 512;

    public Username {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Username longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return USERNAME;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static @Nullable Username decode(ByteBuffer bytes) {
        if (bytes.remaining() > MAX_BYTES) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            return new Username(s);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
