package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** A chunk of a type this codec does not model; the upper two type bits say what to do (RFC 9260 §3.2). */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {
    @Override public int valueLength() { return value.length; }
    @Override public void writeValue(ByteBuffer out) { out.put(value); }

    /** RFC 9260 §3.2: bit 7 clear means stop processing the packet. */
    public boolean stopProcessing() { return (type & 0x80) == 0; }

    /** RFC 9260 §3.2: bit 6 set means report it in an ERROR chunk. */
    public boolean report() { return (type & 0x40) != 0; }
}
