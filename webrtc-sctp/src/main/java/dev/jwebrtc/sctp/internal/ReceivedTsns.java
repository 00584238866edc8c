package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.SackChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiver's TSN bookkeeping (RFC 9260 §6.2, §6.7): the cumulative TSN, the ranges received above it
 * (for gap ack blocks) and duplicates to report. TSNs are unwrapped 64-bit values.
 */
public final class ReceivedTsns {
    /** RFC 9260 §3.3.4 leaves the count open; this many duplicates are reported per SACK at most. */
    private static final int MAX_DUPLICATES = 32;

    private long cumulative;
    /** start -> end (inclusive) of received runs above {@link #cumulative}, never adjacent to it. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private final List<Long> duplicates = new ArrayList<>();

    public ReceivedTsns(long peerInitialTsnUnwrapped) {
        this.cumulative = peerInitialTsnUnwrapped - 1;
    }

    public long cumulative() {
        return cumulative;
    }

    /** Highest TSN received so far. */
    public long highest() {
        return ranges.isEmpty() ? cumulative : ranges.lastEntry().getValue();
    }

    public boolean hasGaps() {
        return !ranges.isEmpty();
    }

    /** Unwraps a wire TSN against the cumulative TSN. */
    public long unwrap(long wireTsn) {
        return Serial.unwrap32(cumulative, wireTsn);
    }

    public boolean contains(long tsn) {
        if (tsn <= cumulative) {
            return true;
        }
        Map.Entry<Long, Long> e = ranges.floorEntry(tsn);
        return e != null && e.getValue() >= tsn;
    }

    public void addDuplicate(long wireTsn) {
        if (duplicates.size() < MAX_DUPLICATES) {
            duplicates.add(wireTsn);
        }
    }

    public boolean hasDuplicates() {
        return !duplicates.isEmpty();
    }

    /** Records a new TSN (the caller checked {@link #contains}). */
    public void add(long tsn) {
        long start = tsn;
        long end = tsn;
        Map.Entry<Long, Long> below = ranges.floorEntry(tsn);
        if (below != null && below.getValue() + 1 >= tsn) {
            start = below.getKey();
            end = Math.max(end, below.getValue());
            ranges.remove(below.getKey());
        }
        Long aboveEnd = ranges.remove(tsn + 1);
        if (aboveEnd != null) {
            end = aboveEnd;
        }
        if (start == cumulative + 1) {
            cumulative = end;
        } else {
            ranges.put(start, end);
        }
    }

    /** RFC 3758 §3.6: moves the cumulative TSN forward, as if everything up to {@code newCumulative} arrived. */
    public void forwardTo(long newCumulative) {
        if (newCumulative <= cumulative) {
            return;
        }
        cumulative = newCumulative;
        while (!ranges.isEmpty()) {
            Map.Entry<Long, Long> first = ranges.firstEntry();
            if (first.getKey() > cumulative + 1) {
                break;
            }
            ranges.pollFirstEntry();
            cumulative = Math.max(cumulative, first.getValue());
        }
    }

    /**
     * RFC 9260 §3.3.4 / §6.2: a SACK for the current state with at most {@code maxGapBlocks} blocks, and the
     * pending duplicates (which it consumes).
     */
    public SackChunk buildSack(long advertisedWindow, int maxGapBlocks) {
        List<SackChunk.GapBlock> blocks = new ArrayList<>();
        for (Map.Entry<Long, Long> e : ranges.entrySet()) {
            long start = e.getKey() - cumulative;
            long end = e.getValue() - cumulative;
            if (blocks.size() >= maxGapBlocks || end > 0xFFFF) {
                break;
            }
            blocks.add(new SackChunk.GapBlock((int) start, (int) end));
        }
        SackChunk sack = new SackChunk(Serial.wire32(cumulative), advertisedWindow, blocks, duplicates);
        duplicates.clear();
        return sack;
    }
}
