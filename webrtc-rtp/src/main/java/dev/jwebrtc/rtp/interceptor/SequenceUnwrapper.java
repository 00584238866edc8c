package dev.jwebrtc.rtp.interceptor;

/**
 * Extends 16-bit RTP sequence numbers to 64 bits by picking, for each new value, the extension closest to the last
 * one (RFC 3550 §A.1's cycle counting without the probation rules). The first value maps to itself plus 2^32 so
 * results stay positive when early packets arrive out of order.
 */
public final class SequenceUnwrapper {
    private long last = -1;

    /** The extended value of {@code seq}. */
    public long unwrap(int seq) {
        if (last < 0) {
            last = (1L << 32) + seq;
            return last;
        }
        int diff = (short) (seq - (int) (last & 0xFFFF)); // signed distance in [-32768, 32767]
        long ext = last + diff;
        if (ext > last) {
            last = ext;
        }
        return ext;
    }
}
