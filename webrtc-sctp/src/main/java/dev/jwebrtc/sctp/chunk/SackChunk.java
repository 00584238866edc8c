package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * SACK (RFC 9260 §3.3.4): cumulative TSN ack, receiver window, gap ack blocks (offsets from the cumulative TSN)
 * and duplicate TSNs.
 */
public record SackChunk(long cumulativeTsnAck, long advertisedReceiverWindow, List<GapBlock> gapBlocks,
        List<Long> duplicateTsns) implements Chunk {

    /** One gap ack block: TSNs {@code cumulativeTsnAck + start} to {@code cumulativeTsnAck + end} were received. */
    public record GapBlock(int start, int end) {}

    public SackChunk {
        gapBlocks = List.copyOf(gapBlocks);
        duplicateTsns = List.copyOf(duplicateTsns);
    }

    static SackChunk decode(ByteBuffer value) {
        Wire.need(value, 12, "SACK");
        long cum = Wire.u32(value);
        long arwnd = Wire.u32(value);
        int gaps = Wire.u16(value);
        int dups = Wire.u16(value);
        Wire.need(value, gaps * 4 + dups * 4, "SACK blocks");
        List<GapBlock> blocks = new ArrayList<>(gaps);
        for (int i = 0; i < gaps; i++) {
            blocks.add(new GapBlock(Wire.u16(value), Wire.u16(value)));
        }
        List<Long> dupList = new ArrayList<>(dups);
        for (int i = 0; i < dups; i++) {
            dupList.add(Wire.u32(value));
        }
        return new SackChunk(cum, arwnd, blocks, dupList);
    }

    @Override public int type() { return SACK; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 12 + 4 * gapBlocks.size() + 4 * duplicateTsns.size(); }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) cumulativeTsnAck).putInt((int) advertisedReceiverWindow)
                .putShort((short) gapBlocks.size()).putShort((short) duplicateTsns.size());
        for (GapBlock g : gapBlocks) {
            out.putShort((short) g.start()).putShort((short) g.end());
        }
        for (long d : duplicateTsns) {
            out.putInt((int) d);
        }
    }
}
