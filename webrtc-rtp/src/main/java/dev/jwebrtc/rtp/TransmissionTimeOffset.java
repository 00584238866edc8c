package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Transmission time offset (RFC 5450 §2): the signed 24-bit difference, in RTP timestamp units, between the
 * packet's send time and its RTP timestamp.
 *
 * @param offset -2^23..2^23-1
 */
public record TransmissionTimeOffset(int offset) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "urn:ietf:params:rtp-hdrext:toffset";

    public TransmissionTimeOffset {
        if (offset < -0x800000 || offset > 0x7FFFFF) {
            throw new IllegalArgumentException("toffset " + offset + " is not a signed 24-bit value (RFC 5450 §2)");
        }
    }

    /** Parses a 3-byte value. */
    public static Optional<TransmissionTimeOffset> parse(ByteBuffer data) {
        if (data.remaining() < 3) {
            return Optional.empty();
        }
        int raw = Bytes.u24(data, data.position());
        return Optional.of(new TransmissionTimeOffset((raw << 8) >> 8)); // sign-extend 24 bits
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) (offset >>> 16), (byte) (offset >>> 8), (byte) offset};
    }
}
