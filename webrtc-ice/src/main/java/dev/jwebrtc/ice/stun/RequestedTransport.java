package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** REQUESTED-TRANSPORT (RFC 8656 §18.6): the IP protocol number of the allocation's relay (17 = UDP). */
public record RequestedTransport(int protocol) implements StunAttribute {

    public static final int UDP = 17;

    public RequestedTransport {
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol number out of range: " + protocol);
        }
    }

    @Override
    public int type() {
        return REQUESTED_TRANSPORT;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return new byte[] {(byte) protocol, 0, 0, 0};
    }

    static @Nullable RequestedTransport decode(ByteBuffer value) {
        return value.remaining() == 4 ? new RequestedTransport(value.get() & 0xFF) : null;
    }
}
