package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/**
 * I-DATA (RFC 8260 §2.1): DATA with a 32-bit message identifier; the first fragment carries the PPID, later
 * fragments carry a fragment sequence number in the same field. Decoded and encoded; the association does not
 * negotiate I-DATA yet.
 */
public record IDataChunk(boolean immediateAck, boolean unordered, boolean beginning, boolean ending, long tsn,
        int streamId, long messageId, long ppidOrFsn, byte[] payload) implements Chunk {

    static IDataChunk decode(int flags, ByteBuffer value) {
        Wire.need(value, 16, "I-DATA");
        long tsn = Wire.u32(value);
        int stream = Wire.u16(value);
        value.getShort(); // reserved
        long mid = Wire.u32(value);
        long ppidOrFsn = Wire.u32(value);
        return new IDataChunk((flags & 8) != 0, (flags & 4) != 0, (flags & 2) != 0, (flags & 1) != 0,
                tsn, stream, mid, ppidOrFsn, Wire.rest(value));
    }

    @Override public int type() { return I_DATA; }

    @Override
    public int flags() {
        return (immediateAck ? 8 : 0) | (unordered ? 4 : 0) | (beginning ? 2 : 0) | (ending ? 1 : 0);
    }

    @Override public int valueLength() { return 16 + payload.length; }

    /** The same chunk with the immediate-ack flag changed. */
    public IDataChunk withImmediateAck(boolean value) {
        return value == immediateAck ? this
                : new IDataChunk(value, unordered, beginning, ending, tsn, streamId, messageId, ppidOrFsn, payload);
    }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) tsn).putShort((short) streamId).putShort((short) 0).putInt((int) messageId)
                .putInt((int) ppidOrFsn).put(payload);
    }
}
