package dev.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One Generic NACK FCI entry (RFC 4585 §6.2.1): a lost packet id and a bitmask of the 16 following packets, bit i
 * (LSB first) meaning PID+i+1 is lost too.
 *
 * @param packetId the sequence number of a lost packet
 * @param lostBitmask BLP
 */
public record NackPair(int packetId, int lostBitmask) {
    public NackPair {
        Rtcp.checkRange("PID", packetId, 0, 0xFFFF);
        Rtcp.checkRange("BLP", lostBitmask, 0, 0xFFFF);
    }

    /** The sequence numbers this entry reports lost, in increasing order (mod 2^16). */
    public List<Integer> sequenceNumbers() {
        List<Integer> out = new ArrayList<>(17);
        out.add(packetId);
        for (int i = 0; i < 16; i++) {
            if ((lostBitmask & (1 << i)) != 0) {
                out.add((packetId + i + 1) & 0xFFFF);
            }
        }
        return out;
    }

    /**
     * Packs lost sequence numbers into as few entries as the RFC 4585 §6.2.1 format allows. Order is taken relative
     * to the first number given, so a run that wraps past 65535 stays together; duplicates are merged.
     */
    public static List<NackPair> fromSequenceNumbers(Collection<Integer> lost) {
        if (lost.isEmpty()) {
            return List.of();
        }
        int base = lost.iterator().next();
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int s : lost) {
            Rtcp.checkRange("sequence number", s, 0, 0xFFFF);
            offsets.add((s - base) & 0xFFFF);
        }
        List<NackPair> out = new ArrayList<>();
        Integer pid = null;
        int mask = 0;
        for (int off : offsets) {
            if (pid != null && off - pid <= 16) {
                mask |= 1 << (off - pid - 1);
                continue;
            }
            if (pid != null) {
                out.add(new NackPair((base + pid) & 0xFFFF, mask));
            }
            pid = off;
            mask = 0;
        }
        out.add(new NackPair((base + pid) & 0xFFFF, mask));
        return out;
    }
}
