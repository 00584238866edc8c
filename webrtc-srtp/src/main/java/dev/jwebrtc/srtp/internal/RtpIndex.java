package dev.jwebrtc.srtp.internal;

/** The 48-bit SRTP packet index {@code i = 2^16 * ROC + SEQ} (RFC 3711 §3.3.1) and its estimation. */
public final class RtpIndex {

    private static final int HALF = 1 << 15;

    private RtpIndex() {
    }

    /**
     * RFC 3711 Appendix A: the index of a packet with sequence number {@code seq}, given the highest index seen so
     * far. A packet more than half the sequence space behind belongs to the next rollover, one more than half ahead to
     * the previous one; below ROC 0 there is no previous rollover, so such a packet stays at ROC 0.
     */
    public static long estimate(long highest, int seq) {
        long roc = highest >>> 16;
        int last = (int) (highest & 0xffff);
        long v = roc;
        if (last < HALF) {
            if (seq - last > HALF && roc > 0) {
                v = roc - 1;
            }
        } else if (last - HALF > seq) {
            v = roc + 1;
        }
        return (v << 16) | seq;
    }

    /** The rollover counter of an index. */
    public static long roc(long index) {
        return index >>> 16;
    }
}
