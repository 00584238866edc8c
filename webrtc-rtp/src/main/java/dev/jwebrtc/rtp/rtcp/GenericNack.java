package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Generic NACK, RTPFB FMT=1 (RFC 4585 §6.2.1): the packets of one media source that the sender of this feedback
 * did not receive.
 *
 * @param senderSsrc the packet sender (the receiver of the media)
 * @param mediaSsrc the media source the losses refer to
 * @param items one or more PID/BLP entries
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<NackPair> items) implements RtcpPacket {
    /** RFC 4585 §6.2: FMT of Generic NACK. */
    public static final int FMT = 1;

    public GenericNack {
        Rtcp.checkU32("sender ssrc", senderSsrc);
        Rtcp.checkU32("media ssrc", mediaSsrc);
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a Generic NACK needs at least one entry (RFC 4585 §6.2.1)");
        }
    }

    /** A NACK for these lost sequence numbers. */
    public static GenericNack of(long senderSsrc, long mediaSsrc, Collection<Integer> lost) {
        return new GenericNack(senderSsrc, mediaSsrc, NackPair.fromSequenceNumbers(lost));
    }

    /** Every sequence number reported lost. */
    public List<Integer> lostSequenceNumbers() {
        List<Integer> out = new ArrayList<>();
        for (NackPair p : items) {
            out.addAll(p.sequenceNumbers());
        }
        return out;
    }

    static @Nullable GenericNack parse(ByteBuffer b, int at, int length) {
        if (length < 12) {
            return null;
        }
        List<NackPair> items = new ArrayList<>();
        for (int pos = at + 8; pos + 4 <= at + length; pos += 4) {
            items.add(new NackPair(Rtcp.u16(b, pos), Rtcp.u16(b, pos + 2)));
        }
        return new GenericNack(Rtcp.u32(b, at), Rtcp.u32(b, at + 4), items);
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        return 12 + 4 * items.size();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, FMT, RTPFB, encodedLength());
        out.putInt((int) senderSsrc);
        out.putInt((int) mediaSsrc);
        for (NackPair p : items) {
            out.putShort((short) p.packetId());
            out.putShort((short) p.lostBitmask());
        }
    }
}
