package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/**
 * DATA (RFC 9260 §3.3.1): one fragment of a user message. Flags: I (immediate SACK, RFC 7053), U (unordered),
 * B (first fragment), E (last fragment). The payload array is owned by the chunk and never modified.
 */
public record DataChunk(boolean immediateAck, boolean unordered, boolean beginning, boolean ending, long tsn,
        int streamId, int ssn, int ppid, byte[] payload) implements Chunk {
    /** Bytes of DATA header before the payload, chunk header included. */
    public static final int HEADER_LENGTH = 16;

    static DataChunk decode(int flags, ByteBuffer value) {
        Wire.need(value, 12, "DATA");
        long tsn = Wire.u32(value);
        int stream = Wire.u16(value);
        int ssn = Wire.u16(value);
        int ppid = value.getInt();
        return new DataChunk((flags & 8) != 0, (flags & 4) != 0, (flags & 2) != 0, (flags & 1) != 0,
                tsn, stream, ssn, ppid, Wire.rest(value));
    }

    @Override public int type() { return DATA; }

    @Override
    public int flags() {
        return (immediateAck ? 8 : 0) | (unordered ? 4 : 0) | (beginning ? 2 : 0) | (ending ? 1 : 0);
    }

    @Override public int valueLength() { return 12 + payload.length; }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) tsn).putShort((short) streamId).putShort((short) ssn).putInt(ppid).put(payload);
    }

    /** The same chunk with the immediate-ack flag changed. */
    public DataChunk withImmediateAck(boolean value) {
        return value == immediateAck ? this
                : new DataChunk(value, unordered, beginning, ending, tsn, streamId, ssn, ppid, payload);
    }

    @Override
    public String toString() {
        return "DATA[tsn=" + tsn + " sid=" + streamId + " ssn=" + ssn + " ppid=" + ppid + " flags="
                + (unordered ? "U" : "") + (beginning ? "B" : "") + (ending ? "E" : "") + " len=" + payload.length + "]";
    }
}
