package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** Unrecognized Parameter (RFC 9260 §3.3.3): the encoded parameter the INIT ACK sender did not understand. */
public record UnrecognizedParameter(byte[] parameter) implements Parameter {
    @Override public int type() { return UNRECOGNIZED_PARAMETER; }
    @Override public int valueLength() { return parameter.length; }
    @Override public void writeValue(ByteBuffer out) { out.put(parameter); }
}
