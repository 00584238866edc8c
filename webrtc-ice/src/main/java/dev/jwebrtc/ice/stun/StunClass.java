package dev.jwebrtc.ice.stun;

/** The four STUN message classes (RFC 8489 §5), encoded in bits C1 and C0 of the message type. */
public enum StunClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    /** The two class bits (C1 C0). */
    public int bits() {
        return bits;
    }

    static StunClass ofBits(int bits) {
        return values()[bits & 0b11];
    }

    /** Whether this class is one of the two response classes. */
    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }
}
