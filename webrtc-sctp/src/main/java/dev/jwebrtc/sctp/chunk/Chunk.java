package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/**
 * One SCTP chunk (RFC 9260 §3.2): a type, a flags byte and a value. Each chunk type is its own record;
 * {@link #encode(ByteBuffer)} writes the header, the value and the padding to a 4-byte boundary.
 */
public sealed interface Chunk
        permits DataChunk, IDataChunk, InitChunk, InitAckChunk, SackChunk, HeartbeatChunk, HeartbeatAckChunk,
                AbortChunk, ShutdownChunk, ShutdownAckChunk, ErrorChunk, CookieEchoChunk, CookieAckChunk,
                ShutdownCompleteChunk, ForwardTsnChunk, IForwardTsnChunk, ReConfigChunk, PadChunk, UnknownChunk {

    int DATA = 0;
    int INIT = 1;
    int INIT_ACK = 2;
    int SACK = 3;
    int HEARTBEAT = 4;
    int HEARTBEAT_ACK = 5;
    int ABORT = 6;
    int SHUTDOWN = 7;
    int SHUTDOWN_ACK = 8;
    int ERROR = 9;
    int COOKIE_ECHO = 10;
    int COOKIE_ACK = 11;
    int SHUTDOWN_COMPLETE = 14;
    int I_DATA = 64;
    int RE_CONFIG = 130;
    int PAD = 132;
    int FORWARD_TSN = 192;
    int I_FORWARD_TSN = 194;

    /** The chunk type byte. */
    int type();

    /** The chunk flags byte. */
    int flags();

    /** Length of the value in bytes, without the 4-byte header and without padding. */
    int valueLength();

    /** Writes the value only (no header, no padding). */
    void writeValue(ByteBuffer out);

    /** Bytes this chunk takes in a packet, padding included. */
    default int encodedLength() {
        return Wire.pad4(4 + valueLength());
    }

    /** Writes header, value and padding. */
    default void encode(ByteBuffer out) {
        int valueLength = valueLength();
        out.put((byte) type()).put((byte) flags()).putShort((short) (4 + valueLength));
        writeValue(out);
        Wire.zeros(out, Wire.pad4(valueLength) - valueLength);
    }

    /**
     * Decodes one chunk from its type, flags and value.
     *
     * @throws MalformedPacketException if the value does not follow the chunk's format
     */
    static Chunk decode(int type, int flags, ByteBuffer value) {
        return switch (type) {
            case DATA -> DataChunk.decode(flags, value);
            case I_DATA -> IDataChunk.decode(flags, value);
            case INIT -> InitChunk.decode(value);
            case INIT_ACK -> InitAckChunk.decode(value);
            case SACK -> SackChunk.decode(value);
            case HEARTBEAT -> HeartbeatChunk.decode(value);
            case HEARTBEAT_ACK -> HeartbeatAckChunk.decode(value);
            case ABORT -> AbortChunk.decode(flags, value);
            case SHUTDOWN -> ShutdownChunk.decode(value);
            case SHUTDOWN_ACK -> ShutdownAckChunk.INSTANCE;
            case ERROR -> ErrorChunk.decode(value);
            case COOKIE_ECHO -> new CookieEchoChunk(Wire.rest(value));
            case COOKIE_ACK -> CookieAckChunk.INSTANCE;
            case SHUTDOWN_COMPLETE -> new ShutdownCompleteChunk((flags & 1) != 0);
            case FORWARD_TSN -> ForwardTsnChunk.decode(value);
            case I_FORWARD_TSN -> IForwardTsnChunk.decode(value);
            case RE_CONFIG -> ReConfigChunk.decode(value);
            case PAD -> new PadChunk(value.remaining());
            default -> new UnknownChunk(type, flags, Wire.rest(value));
        };
    }
}
