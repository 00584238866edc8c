package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An error cause (RFC 9260 §3.3.10) carried by ABORT and ERROR: a code and cause-specific information. */
public record ErrorCause(int code, byte[] info) {
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    public static final int MISSING_MANDATORY_PARAMETER = 2;
    public static final int STALE_COOKIE = 3;
    public static final int OUT_OF_RESOURCE = 4;
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
    public static final int INVALID_MANDATORY_PARAMETER = 7;
    public static final int UNRECOGNIZED_PARAMETERS = 8;
    public static final int NO_USER_DATA = 9;
    public static final int COOKIE_WHILE_SHUTTING_DOWN = 10;
    public static final int USER_INITIATED_ABORT = 12;
    public static final int PROTOCOL_VIOLATION = 13;

    /** A cause whose information is a UTF-8 text (user-initiated abort, protocol violation). */
    public static ErrorCause ofText(int code, String text) {
        return new ErrorCause(code, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Readable form for logs and events. */
    public String describe() {
        String text = (code == USER_INITIATED_ABORT || code == PROTOCOL_VIOLATION)
                ? ": " + new String(info, StandardCharsets.UTF_8) : "";
        return "cause " + code + text;
    }

    int encodedLength() {
        return Wire.pad4(4 + info.length);
    }

    void encode(ByteBuffer out) {
        out.putShort((short) code).putShort((short) (4 + info.length)).put(info);
        Wire.zeros(out, Wire.pad4(info.length) - info.length);
    }

    static int encodedLength(List<ErrorCause> causes) {
        int total = 0;
        for (ErrorCause c : causes) {
            total += c.encodedLength();
        }
        return total;
    }

    static List<ErrorCause> decodeAll(ByteBuffer b) {
        List<ErrorCause> out = new ArrayList<>();
        while (b.hasRemaining()) {
            Wire.need(b, 4, "error cause");
            int code = Wire.u16(b);
            int length = Wire.u16(b);
            if (length < 4) {
                throw new MalformedPacketException("error cause length " + length);
            }
            out.add(new ErrorCause(code, Wire.rest(Wire.take(b, length - 4, "error cause"))));
        }
        return List.copyOf(out);
    }
}
