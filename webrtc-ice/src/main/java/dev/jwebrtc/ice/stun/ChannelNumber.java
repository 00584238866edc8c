package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** CHANNEL-NUMBER (RFC 8656 §18.1): a TURN channel, 0x4000..0x4FFF (RFC 8656 §12). */
public record ChannelNumber(int channel) implements StunAttribute {

    public static final int MIN = 0x4000;
    public static final int MAX = 0x4FFF;

    public ChannelNumber {
        if (channel < 0 || channel > 0xFFFF) {
            throw new IllegalArgumentException("channel number out of range: " + channel);
        }
    }

    /** Whether the number is in the range a client may bind (RFC 8656 §12). */
    public boolean isValid() {
        return channel >= MIN && channel <= MAX;
    }

    @Override
    public int type() {
        return CHANNEL_NUMBER;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return ByteBuffer.allocate(4).putShort((short) channel).putShort((short) 0).array();
    }

    static @Nullable ChannelNumber decode(ByteBuffer value) {
        return value.remaining() == 4 ? new ChannelNumber(value.getShort() & 0xFFFF) : null;
    }
}
