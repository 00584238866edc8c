package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A type-length-value parameter (RFC 9260 §3.2.1) carried by INIT, INIT ACK, HEARTBEAT and RE-CONFIG chunks.
 * Unknown types decode to {@link UnknownParameter} so that the association can apply the action encoded in the
 * two upper bits of the type.
 */
public sealed interface Parameter
        permits HeartbeatInfoParameter, StateCookieParameter, UnrecognizedParameter, SupportedExtensionsParameter,
                ForwardTsnSupportedParameter, ZeroChecksumAcceptableParameter, OutgoingSsnResetRequestParameter,
                IncomingSsnResetRequestParameter, ReconfigurationResponseParameter, UnknownParameter {

    int HEARTBEAT_INFO = 1;
    int STATE_COOKIE = 7;
    int UNRECOGNIZED_PARAMETER = 8;
    int OUTGOING_SSN_RESET_REQUEST = 13;
    int INCOMING_SSN_RESET_REQUEST = 14;
    int RECONFIGURATION_RESPONSE = 16;
    int ZERO_CHECKSUM_ACCEPTABLE = 0x8001;
    int SUPPORTED_EXTENSIONS = 0x8008;
    int FORWARD_TSN_SUPPORTED = 0xC000;

    /** The 16-bit parameter type. */
    int type();

    /** Value length without the 4-byte header and padding. */
    int valueLength();

    /** Writes the value only. */
    void writeValue(ByteBuffer out);

    /** Bytes taken when encoded, padding included. */
    default int encodedLength() {
        return Wire.pad4(4 + valueLength());
    }

    /** Writes header, value and padding. */
    default void encode(ByteBuffer out) {
        int valueLength = valueLength();
        out.putShort((short) type()).putShort((short) (4 + valueLength));
        writeValue(out);
        Wire.zeros(out, Wire.pad4(valueLength) - valueLength);
    }

    /** Decodes one parameter value of the given type. */
    static Parameter decode(int type, ByteBuffer value) {
        return switch (type) {
            case HEARTBEAT_INFO -> new HeartbeatInfoParameter(Wire.rest(value));
            case STATE_COOKIE -> new StateCookieParameter(Wire.rest(value));
            case UNRECOGNIZED_PARAMETER -> new UnrecognizedParameter(Wire.rest(value));
            case SUPPORTED_EXTENSIONS -> SupportedExtensionsParameter.decode(value);
            case FORWARD_TSN_SUPPORTED -> ForwardTsnSupportedParameter.INSTANCE;
            case ZERO_CHECKSUM_ACCEPTABLE -> ZeroChecksumAcceptableParameter.decode(value);
            case OUTGOING_SSN_RESET_REQUEST -> OutgoingSsnResetRequestParameter.decode(value);
            case INCOMING_SSN_RESET_REQUEST -> IncomingSsnResetRequestParameter.decode(value);
            case RECONFIGURATION_RESPONSE -> ReconfigurationResponseParameter.decode(value);
            default -> new UnknownParameter(type, Wire.rest(value));
        };
    }

    /** Decodes parameters until the buffer is exhausted (RFC 9260 §3.2.1: the last one may omit its padding). */
    static List<Parameter> decodeAll(ByteBuffer b) {
        List<Parameter> out = new ArrayList<>();
        while (b.hasRemaining()) {
            Wire.need(b, 4, "parameter header");
            int type = Wire.u16(b);
            int length = Wire.u16(b);
            if (length < 4) {
                throw new MalformedPacketException("parameter " + type + " length " + length + " < 4");
            }
            out.add(decode(type, Wire.take(b, length - 4, "parameter " + type)));
        }
        return List.copyOf(out);
    }

    /** Sum of encoded lengths. */
    static int encodedLength(List<? extends Parameter> parameters) {
        int total = 0;
        for (Parameter p : parameters) {
            total += p.encodedLength();
        }
        return total;
    }

    /** Encodes all with padding; the caller's length accounting uses {@link #encodedLength(List)}. */
    static void encodeAll(List<? extends Parameter> parameters, ByteBuffer out) {
        for (Parameter p : parameters) {
            p.encode(out);
        }
    }
}
