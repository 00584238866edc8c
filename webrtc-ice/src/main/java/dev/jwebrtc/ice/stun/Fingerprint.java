package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute, XOR 0x5354554e. Always last.
 * {@link StunMessage.Builder#fingerprint()} adds it; {@link StunMessage#decode} rejects a message whose
 * fingerprint does not match.
 */
public record Fingerprint(int crc) implements StunAttribute {

    /** RFC 8489 §14.7: the XOR constant ("STUN" in ASCII). */
    public static final int XOR = 0x5354554e;

    @Override
    public int type() {
        return FINGERPRINT;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return ByteBuffer.allocate(4).putInt(crc).array();
    }

    static @Nullable Fingerprint decode(ByteBuffer value) {
        return value.remaining() == 4 ? new Fingerprint(value.getInt()) : null;
    }

    /** RFC 8489 §14.7: the fingerprint value of {@code len} bytes of {@code message}. */
    static int compute(byte[] message, int len) {
        CRC32 crc = new CRC32();
        crc.update(message, 0, len);
        return (int) crc.getValue() ^ XOR;
    }
}
