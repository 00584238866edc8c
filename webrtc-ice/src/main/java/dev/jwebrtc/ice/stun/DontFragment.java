package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** DONT-FRAGMENT (RFC 8656 §18.8): asks the TURN server to set DF on relayed datagrams. No value. */
public record DontFragment() implements StunAttribute {

    @Override
    public int type() {
        return DONT_FRAGMENT;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return new byte[0];
    }

    static @Nullable DontFragment decode(ByteBuffer value) {
        return value.remaining() == 0 ? new DontFragment() : null;
    }
}
