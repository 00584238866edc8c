package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing SSN Reset Request (RFC 6525 §4.1): the sender resets its outgoing streams (all of them when the list
 * is empty) once the receiver has everything up to {@code senderLastTsn}.
 */
public record OutgoingSsnResetRequestParameter(long requestSequence, long responseSequence, long senderLastTsn,
        List<Integer> streams) implements Parameter {
    public OutgoingSsnResetRequestParameter {
        streams = List.copyOf(streams);
    }

    static OutgoingSsnResetRequestParameter decode(ByteBuffer value) {
        Wire.need(value, 12, "outgoing SSN reset request");
        long req = Wire.u32(value);
        long resp = Wire.u32(value);
        long last = Wire.u32(value);
        return new OutgoingSsnResetRequestParameter(req, resp, last, readStreams(value));
    }

    static List<Integer> readStreams(ByteBuffer value) {
        List<Integer> streams = new ArrayList<>();
        while (value.remaining() >= 2) {
            streams.add(Wire.u16(value));
        }
        return streams;
    }

    @Override public int type() { return OUTGOING_SSN_RESET_REQUEST; }
    @Override public int valueLength() { return 12 + 2 * streams.size(); }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) requestSequence).putInt((int) responseSequence).putInt((int) senderLastTsn);
        for (int s : streams) {
            out.putShort((short) s);
        }
    }
}
