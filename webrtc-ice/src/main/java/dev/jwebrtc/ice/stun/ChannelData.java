package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * A TURN ChannelData message (RFC 8656 §12.4): a 4-byte header (channel number, length) and the application
 * data. Over UDP the padding to 4 bytes is optional; decoding accepts it, encoding does not add it.
 */
public record ChannelData(int channel, byte[] data) {

    public static final int HEADER_LENGTH = 4;

    public ChannelData {
        if (channel < ChannelNumber.MIN || channel > ChannelNumber.MAX) {
            throw new IllegalArgumentException("channel number must be 0x4000..0x4FFF, got " + channel);
        }
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("ChannelData payload too long: " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** RFC 7983 / RFC 8656 §12: a first byte of 64..79 marks ChannelData. */
    public static boolean looksLikeChannelData(ByteBuffer datagram) {
        if (datagram.remaining() < HEADER_LENGTH) {
            return false;
        }
        int first = datagram.get(datagram.position()) & 0xFF;
        return first >= 0x40 && first <= 0x4F;
    }

    /** Decodes the bytes between position and limit without moving the position; empty when malformed. */
    public static Optional<ChannelData> decode(ByteBuffer datagram) {
        if (!looksLikeChannelData(datagram)) {
            return Optional.empty();
        }
        int p = datagram.position();
        int channel = datagram.getShort(p) & 0xFFFF;
        int length = datagram.getShort(p + 2) & 0xFFFF;
        if (length > datagram.remaining() - HEADER_LENGTH) {
            return Optional.empty();
        }
        byte[] data = new byte[length];
        datagram.duplicate().position(p + HEADER_LENGTH).get(data);
        return Optional.of(new ChannelData(channel, data));
    }

    /** The wire form. */
    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_LENGTH + data.length)
                .putShort((short) channel).putShort((short) data.length).put(data).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelData c && c.channel == channel && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return channel * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ChannelData[0x%04x, %d bytes]", channel, data.length);
    }
}
