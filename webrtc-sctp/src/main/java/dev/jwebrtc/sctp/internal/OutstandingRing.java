package dev.jwebrtc.sctp.internal;

import org.jspecify.annotations.Nullable;

/** Outstanding chunks indexed by TSN: slot {@code tsn - firstTsn()} of a growable ring (TSNs are consecutive). */
final class OutstandingRing {
    private Outstanding[] slots = new Outstanding[256];
    private int head;
    private int size;
    private long firstTsn;

    OutstandingRing(long firstTsn) {
        this.firstTsn = firstTsn;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long firstTsn() {
        return firstTsn;
    }

    /** TSN one past the last entry. */
    long endTsn() {
        return firstTsn + size;
    }

    void addLast(Outstanding o) {
        if (o.tsn != firstTsn + size) {
            throw new IllegalStateException("TSN " + o.tsn + " is not consecutive to " + (firstTsn + size - 1));
        }
        if (size == slots.length) {
            Outstanding[] bigger = new Outstanding[slots.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = slots[(head + i) % slots.length];
            }
            slots = bigger;
            head = 0;
        }
        slots[(head + size) % slots.length] = o;
        size++;
    }

    @Nullable Outstanding get(long tsn) {
        long index = tsn - firstTsn;
        if (index < 0 || index >= size) {
            return null;
        }
        return slots[(int) ((head + index) % slots.length)];
    }

    Outstanding removeFirst() {
        Outstanding o = slots[head];
        slots[head] = null;
        head = (head + 1) % slots.length;
        size--;
        firstTsn++;
        return o;
    }
}
