package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** USERNAME (RFC 8489 §14.3): the user name, UTF-8; for ICE "remoteUfrag:localUfrag" (RFC 8445 §7.2.2). */
public record Username(String value) implements StunAttribute {

    /** Longest value in UTF-8 bytes this codec accepts. */
    public static final int MAX_BYTES = 512;

    public Username {
        Utf8Text.check("Username", value, MAX_BYTES);
    }

    @Override
    public int type() {
        return USERNAME;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return Utf8Text.encode(value);
    }

    static @Nullable Username decode(ByteBuffer bytes) {
        String s = Utf8Text.decode(bytes, MAX_BYTES);
        return s == null ? null : new Username(s);
    }
}
