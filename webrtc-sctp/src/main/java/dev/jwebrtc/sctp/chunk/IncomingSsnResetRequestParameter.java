package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.List;

/** Incoming SSN Reset Request (RFC 6525 §4.2): asks the receiver to reset its outgoing streams. */
public record IncomingSsnResetRequestParameter(long requestSequence, List<Integer> streams) implements Parameter {
    public IncomingSsnResetRequestParameter {
        streams = List.copyOf(streams);
    }

    static IncomingSsnResetRequestParameter decode(ByteBuffer value) {
        Wire.need(value, 4, "incoming SSN reset request");
        long req = Wire.u32(value);
        return new IncomingSsnResetRequestParameter(req, OutgoingSsnResetRequestParameter.readStreams(value));
    }

    @Override public int type() { return INCOMING_SSN_RESET_REQUEST; }
    @Override public int valueLength() { return 4 + 2 * streams.size(); }

    @Override
    public void writeValue(ByteBuffer out) {
        out.putInt((int) requestSequence);
        for (int s : streams) {
            out.putShort((short) s);
        }
    }
}
