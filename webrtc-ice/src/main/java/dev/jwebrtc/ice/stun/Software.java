package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** SOFTWARE (RFC 8489 §14.14): the agent's software description. */
public record Software(String value) implements StunAttribute {

    /** Longest value in UTF-8 bytes this codec accepts. */
    public static final int MAX_BYTES = 763;

    public Software {
        Utf8Text.check("Software", value, MAX_BYTES);
    }

    @Override
    public int type() {
        return SOFTWARE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return Utf8Text.encode(value);
    }

    static @Nullable Software decode(ByteBuffer bytes) {
        String s = Utf8Text.decode(bytes, MAX_BYTES);
        return s == null ? null : new Software(s);
    }
}
