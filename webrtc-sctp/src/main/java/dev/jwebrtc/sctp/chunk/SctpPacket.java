package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An SCTP packet (RFC 9260 §3): common header (ports, verification tag, CRC32C checksum) and chunks.
 *
 * <p>{@link #decode(ByteBuffer, boolean)} reads a borrowed buffer and copies what the chunks keep; it throws
 * {@link MalformedPacketException} for anything that is not a well-formed packet, and never any other exception.
 */
public record SctpPacket(int sourcePort, int destinationPort, long verificationTag, List<Chunk> chunks) {
    /** Bytes of the common header. */
    public static final int HEADER_LENGTH = 12;

    public SctpPacket {
        chunks = List.copyOf(chunks);
    }

    /** Encoded size in bytes. */
    public int encodedLength() {
        int total = HEADER_LENGTH;
        for (Chunk c : chunks) {
            total += c.encodedLength();
        }
        return total;
    }

    /**
     * Encodes the packet into a new array.
     *
     * @param zeroChecksum write 0 as checksum (RFC 9653, only when the peer accepts it) instead of the CRC32C
     */
    public byte[] encode(boolean zeroChecksum) {
        byte[] out = new byte[encodedLength()];
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putShort((short) sourcePort).putShort((short) destinationPort).putInt((int) verificationTag).putInt(0);
        for (Chunk c : chunks) {
            c.encode(b);
        }
        if (!zeroChecksum) {
            // RFC 9260 Appendix A: CRC32C over the packet with a zero checksum field, stored in that byte order.
            ByteBuffer.wrap(out, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(checksum(out, out.length));
        }
        return out;
    }

    /** CRC32C of a packet whose checksum field holds zero (RFC 9260 Appendix A). */
    static int checksum(byte[] packet, int length) {
        CRC32C crc = new CRC32C();
        crc.update(packet, 0, length);
        return (int) crc.getValue();
    }

    /**
     * Decodes and verifies one packet.
     *
     * @param acceptZeroChecksum accept a checksum field of zero without checking (RFC 9653 §5.3)
     * @throws MalformedPacketException bad checksum, truncated header or chunk, bogus lengths
     */
    public static SctpPacket decode(ByteBuffer packet, boolean acceptZeroChecksum) {
        ByteBuffer b = packet.slice();
        int length = b.remaining();
        if (length < HEADER_LENGTH + 4) {
            throw new MalformedPacketException("packet of " + length + " bytes is too short");
        }
        int received = b.order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        b.order(ByteOrder.BIG_ENDIAN);
        if (received != 0 || !acceptZeroChecksum) {
            byte[] copy = new byte[length];
            b.get(0, copy);
            copy[8] = copy[9] = copy[10] = copy[11] = 0;
            if (checksum(copy, length) != received) {
                throw new MalformedPacketException("bad checksum");
            }
        }
        int src = Wire.u16(b);
        int dst = Wire.u16(b);
        long tag = Wire.u32(b);
        b.getInt();
        List<Chunk> chunks = new ArrayList<>();
        while (b.remaining() >= 4) {
            int type = Wire.u8(b);
            int flags = Wire.u8(b);
            int chunkLength = Wire.u16(b);
            if (chunkLength < 4) {
                throw new MalformedPacketException("chunk type " + type + " length " + chunkLength + " < 4");
            }
            ByteBuffer value = Wire.take(b, chunkLength - 4, "chunk type " + type);
            try {
                chunks.add(Chunk.decode(type, flags, value));
            } catch (java.nio.BufferUnderflowException e) {
                throw new MalformedPacketException("chunk type " + type + " value truncated");
            }
        }
        if (b.hasRemaining()) {
            throw new MalformedPacketException(b.remaining() + " trailing bytes after the last chunk");
        }
        if (chunks.isEmpty()) {
            throw new MalformedPacketException("packet without chunks");
        }
        return new SctpPacket(src, dst, tag, chunks);
    }
}
