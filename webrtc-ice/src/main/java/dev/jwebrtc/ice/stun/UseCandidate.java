package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** USE-CANDIDATE (RFC 8445 §16.1): the controlling agent nominates the pair this check runs on. No value. */
public record UseCandidate() implements StunAttribute {

    @Override
    public int type() {
        return USE_CANDIDATE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return new byte[0];
    }

    static @Nullable UseCandidate decode(ByteBuffer value) {
        return value.remaining() == 0 ? new UseCandidate() : null;
    }
}
