package dev.jwebrtc.sctp.dcep;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Messages of the data-channel establishment protocol (RFC 8832 §5), carried with PPID 50. */
public sealed interface DcepMessage {
    int TYPE_ACK = 0x02;
    int TYPE_OPEN = 0x03;

    /** Encodes into a new array. */
    byte[] encode();

    /**
     * DATA_CHANNEL_OPEN (RFC 8832 §5.1).
     *
     * @param reliability max retransmissions (REXMIT types) or lifetime in ms (TIMED types); 0 otherwise
     * @param priority RFC 8832 §5.1 / RFC 8831 §6.4: 128 below normal, 256 normal, 512 high, 1024 extra high
     */
    record Open(ChannelType channelType, int priority, long reliability, String label, String protocol)
            implements DcepMessage {
        @Override
        public byte[] encode() {
            byte[] l = label.getBytes(StandardCharsets.UTF_8);
            byte[] p = protocol.getBytes(StandardCharsets.UTF_8);
            if (l.length > 0xFFFF || p.length > 0xFFFF) {
                throw new IllegalArgumentException("label or protocol longer than 65535 UTF-8 bytes");
            }
            return ByteBuffer.allocate(12 + l.length + p.length).put((byte) TYPE_OPEN).put((byte) channelType.code())
                    .putShort((short) priority).putInt((int) reliability).putShort((short) l.length)
                    .putShort((short) p.length).put(l).put(p).array();
        }
    }

    /** DATA_CHANNEL_ACK (RFC 8832 §5.2). */
    record Ack() implements DcepMessage {
        @Override
        public byte[] encode() {
            return new byte[] {TYPE_ACK};
        }
    }

    /** Decodes a PPID 50 payload; null when it is not a well-formed DCEP message. */
    static @Nullable DcepMessage decode(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        int type = b.get() & 0xFF;
        if (type == TYPE_ACK) {
            return new Ack();
        }
        if (type != TYPE_OPEN || payload.length < 12) {
            return null;
        }
        ChannelType channelType = ChannelType.of(b.get() & 0xFF).orElse(null);
        int priority = b.getShort() & 0xFFFF;
        long reliability = b.getInt() & 0xFFFF_FFFFL;
        int labelLength = b.getShort() & 0xFFFF;
        int protocolLength = b.getShort() & 0xFFFF;
        if (channelType == null || b.remaining() != labelLength + protocolLength) {
            return null;
        }
        String label = new String(payload, 12, labelLength, StandardCharsets.UTF_8);
        String protocol = new String(payload, 12 + labelLength, protocolLength, StandardCharsets.UTF_8);
        return new Open(channelType, priority, reliability, label, protocol);
    }
}
