package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/**
 * Zero Checksum Acceptable (RFC 9653 §4): the sender accepts packets whose checksum is zero because the given
 * alternate error detection method (EDMID 1: SCTP over DTLS, RFC 9653 §7) protects them.
 */
public record ZeroChecksumAcceptableParameter(long errorDetectionMethod) implements Parameter {
    /** RFC 9653 §7: EDMID of DTLS. */
    public static final long EDMID_DTLS = 1;

    static ZeroChecksumAcceptableParameter decode(ByteBuffer value) {
        Wire.need(value, 4, "zero checksum acceptable");
        return new ZeroChecksumAcceptableParameter(Wire.u32(value));
    }

    @Override public int type() { return ZERO_CHECKSUM_ACCEPTABLE; }
    @Override public int valueLength() { return 4; }
    @Override public void writeValue(ByteBuffer out) { out.putInt((int) errorDetectionMethod); }
}
