package dev.jwebrtc.sctp.internal;

/**
 * Serial number arithmetic (RFC 1982, as used by RFC 9260 §1.6 for TSNs and SSNs). Internally the association
 * works with unwrapped 64-bit values, so comparisons are plain; {@code unwrap} maps a wire value to the 64-bit
 * value nearest to a reference.
 */
public final class Serial {
    private Serial() {}

    /** The unwrapped value whose low 32 bits are {@code wire32} and which is nearest to {@code reference}. */
    public static long unwrap32(long reference, long wire32) {
        int delta = (int) (wire32 - reference);
        return reference + delta;
    }

    /** The unwrapped value whose low 16 bits are {@code wire16} and which is nearest to {@code reference}. */
    public static long unwrap16(long reference, int wire16) {
        short delta = (short) (wire16 - reference);
        return reference + delta;
    }

    /** RFC 1982 §3.2: {@code a < b} for 32-bit serial numbers. */
    public static boolean lessThan32(long a, long b) {
        int d = (int) (a - b);
        return d < 0;
    }

    /** The low 32 bits, as sent on the wire. */
    public static long wire32(long unwrapped) {
        return unwrapped & 0xFFFF_FFFFL;
    }
}
