package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** A parameter of a type this codec does not model; the upper two type bits say what to do (RFC 9260 §3.2.1). */
public record UnknownParameter(int type, byte[] value) implements Parameter {
    @Override public int valueLength() { return value.length; }
    @Override public void writeValue(ByteBuffer out) { out.put(value); }

    /** RFC 9260 §3.2.1: bit 15 clear means stop processing the chunk. */
    public boolean stopProcessing() { return (type & 0x8000) == 0; }

    /** RFC 9260 §3.2.1: bit 14 set means report it in an Unrecognized Parameter. */
    public boolean report() { return (type & 0x4000) != 0; }
}
