package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/**
 * Re-configuration Response (RFC 6525 §4.4). The optional next-TSN fields (only for SSN/TSN reset) are encoded
 * when {@code hasNextTsns} is set.
 */
public record ReconfigurationResponseParameter(long responseSequence, int result, boolean hasNextTsns,
        long senderNextTsn, long receiverNextTsn) implements Parameter {
    /** RFC 6525 §4.4 result codes. */
    public static final int SUCCESS_NOTHING_TO_DO = 0;
    public static final int SUCCESS_PERFORMED = 1;
    public static final int DENIED = 2;
    public static final int ERROR_WRONG_SSN = 3;
    public static final int ERROR_REQUEST_IN_PROGRESS = 4;
    public static final int ERROR_BAD_SEQUENCE_NUMBER = 5;
    public static final int IN_PROGRESS = 6;

    /** A response without the next-TSN fields. */
    public ReconfigurationResponseParameter(long responseSequence, int result) {
        this(responseSequence, result, false, 0, 0);
    }

    static ReconfigurationResponseParameter decode(ByteBuffer value) {
        Wire.need(value, 8, "re-configuration response");
        long seq = Wire.u32(value);
        int result = (int) Wire.u32(value);
        if (value.remaining() >= 8) {
            return new ReconfigurationResponseParameter(seq, result, true, Wire.u32(value), Wire.u32(value));
        }
        return new ReconfigurationResponseParameter(seq, result);
    }

    @Override public int type() { return RECONFIGURATION_RESPONSE; }
    @Override public int valueLength() { return hasNextTsns ? 16 : 8; }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) responseSequence).putInt(result);
        if (hasNextTsns) {
            out.putInt((int) senderNextTsn).putInt((int) receiverNextTsn);
        }
    }
}
