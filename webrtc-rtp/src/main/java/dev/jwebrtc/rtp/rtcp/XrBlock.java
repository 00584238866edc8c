package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report block of an extended report (RFC 3611 §3): {@code BT(8) | type-specific(8) | block length(16)}, the
 * length in 32-bit words after this header.
 */
public sealed interface XrBlock {

    /** The block type. */
    int blockType();

    /** Bytes on the wire, header included. */
    int encodedLength();

    /** Writes the block. */
    void writeTo(ByteBuffer out);

    /**
     * Receiver reference time report block, BT=4 (RFC 3611 §4.4): lets a non-sender get RTT via DLRR.
     *
     * @param ntpTimestamp 64-bit NTP time when the report was sent
     */
    record ReceiverReferenceTime(long ntpTimestamp) implements XrBlock {
        /** Block type. */
        public static final int BT = 4;

        /** The middle 32 bits, which a DLRR sub-block echoes as LRR. */
        public long compactNtp() {
            return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        }

        @Override
        public int blockType() {
            return BT;
        }

        @Override
        public int encodedLength() {
            return 12;
        }

        @Override
        public void writeTo(ByteBuffer out) {
            out.put((byte) BT).put((byte) 0).putShort((short) 2);
            out.putLong(ntpTimestamp);
        }
    }

    /**
     * One DLRR sub-block (RFC 3611 §4.5).
     *
     * @param ssrc the receiver whose RRTR is answered
     * @param lastReceiverReport LRR: middle 32 bits of that RRTR's NTP timestamp
     * @param delaySinceLastReceiverReport DLRR in 1/65536 s
     */
    record DlrrSubBlock(long ssrc, long lastReceiverReport, long delaySinceLastReceiverReport) {
        public DlrrSubBlock {
            Rtcp.checkU32("ssrc", ssrc);
            Rtcp.checkU32("LRR", lastReceiverReport);
            Rtcp.checkU32("DLRR", delaySinceLastReceiverReport);
        }
    }

    /**
     * DLRR report block, BT=5 (RFC 3611 §4.5).
     *
     * @param subBlocks one per receiver answered
     */
    record Dlrr(List<DlrrSubBlock> subBlocks) implements XrBlock {
        /** Block type. */
        public static final int BT = 5;

        public Dlrr {
            subBlocks = List.copyOf(subBlocks);
            Rtcp.checkRange("DLRR sub-blocks", subBlocks.size(), 0, 0xFFFF / 3);
        }

        @Override
        public int blockType() {
            return BT;
        }

        @Override
        public int encodedLength() {
            return 4 + 12 * subBlocks.size();
        }

        @Override
        public void writeTo(ByteBuffer out) {
            out.put((byte) BT).put((byte) 0).putShort((short) (3 * subBlocks.size()));
            for (DlrrSubBlock s : subBlocks) {
                out.putInt((int) s.ssrc());
                out.putInt((int) s.lastReceiverReport());
                out.putInt((int) s.delaySinceLastReceiverReport());
            }
        }
    }

    /**
     * Any other block type, kept as bytes.
     *
     * @param blockType 0..255
     * @param typeSpecific the type-specific byte
     * @param body the bytes after the block header, a multiple of 4
     */
    record Unknown(int blockType, int typeSpecific, ByteBuffer body) implements XrBlock {
        public Unknown {
            Rtcp.checkRange("block type", blockType, 0, 255);
            Rtcp.checkRange("type-specific", typeSpecific, 0, 255);
            if (body.remaining() % 4 != 0) {
                throw new IllegalArgumentException("XR block body must be a multiple of 4 bytes");
            }
        }

        @Override
        public int encodedLength() {
            return 4 + body.remaining();
        }

        @Override
        public void writeTo(ByteBuffer out) {
            out.put((byte) blockType).put((byte) typeSpecific).putShort((short) (body.remaining() / 4));
            out.put(body.duplicate());
        }
    }

    /** Parses the blocks of an XR body; null when a block runs past it. */
    static @Nullable List<XrBlock> parseAll(ByteBuffer b, int from, int end) {
        List<XrBlock> out = new ArrayList<>();
        int pos = from;
        while (pos + 4 <= end) {
            int bt = Rtcp.u8(b, pos);
            int words = Rtcp.u16(b, pos + 2);
            int bodyAt = pos + 4;
            if (bodyAt + 4 * words > end) {
                return null;
            }
            if (bt == ReceiverReferenceTime.BT && words == 2) {
                out.add(new ReceiverReferenceTime(b.getLong(bodyAt)));
            } else if (bt == Dlrr.BT && words % 3 == 0) {
                List<DlrrSubBlock> subs = new ArrayList<>(words / 3);
                for (int i = 0; i < words / 3; i++) {
                    int at = bodyAt + 12 * i;
                    subs.add(new DlrrSubBlock(Rtcp.u32(b, at), Rtcp.u32(b, at + 4), Rtcp.u32(b, at + 8)));
                }
                out.add(new Dlrr(subs));
            } else {
                out.add(new Unknown(bt, Rtcp.u8(b, pos + 1), Rtcp.slice(b, bodyAt, 4 * words)));
            }
            pos = bodyAt + 4 * words;
        }
        return pos == end ? out : null;
    }
}
