package dev.jwebrtc.srtp.internal;

import java.util.Arrays;

/**
 * The sliding replay list of RFC 3711 §3.3.2: the highest index accepted so far and a bitmap of which of the
 * {@code size} indices behind it were accepted. The bitmap is circular over a power-of-two capacity, so sliding
 * forward clears only the bits it passes.
 */
public final class ReplayWindow {

    /** Outcome of {@link #check(long)}. */
    public enum Verdict {
        /** Not yet seen and inside (or ahead of) the window. */
        FRESH,
        /** Seen before. */
        REPLAYED,
        /** Behind the window. */
        TOO_OLD
    }

    private final int size;
    private final long[] bits;
    private final int mask;
    private long highest = -1;

    /** @param size indices behind the highest that are still tracked (at least 1) */
    public ReplayWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("replay window must be positive, was " + size);
        }
        int capacity = Math.max(64, Integer.highestOneBit(size - 1) << 1);
        this.size = size;
        this.bits = new long[capacity / 64];
        this.mask = capacity - 1;
    }

    /** The highest accepted index, or -1 before the first. */
    public long highest() {
        return highest;
    }

    /** Whether {@code index} may be accepted; changes nothing (the packet is not yet authenticated). */
    public Verdict check(long index) {
        if (index > highest) {
            return Verdict.FRESH;
        }
        if (highest - index >= size) {
            return Verdict.TOO_OLD;
        }
        return isSet(index) ? Verdict.REPLAYED : Verdict.FRESH;
    }

    /** Records an authenticated index; call only after {@link #check(long)} returned {@link Verdict#FRESH}. */
    public void accept(long index) {
        if (index > highest) {
            long delta = highest < 0 ? Long.MAX_VALUE : index - highest;
            if (delta > mask) {
                Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    clear(i);
                }
            }
            highest = index;
        }
        int slot = (int) (index & mask);
        bits[slot >>> 6] |= 1L << slot;
    }

    private boolean isSet(long index) {
        int slot = (int) (index & mask);
        return (bits[slot >>> 6] & (1L << slot)) != 0;
    }

    private void clear(long index) {
        int slot = (int) (index & mask);
        bits[slot >>> 6] &= ~(1L << slot);
    }
}
