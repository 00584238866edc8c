package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** COOKIE ACK (RFC 9260 §3.3.12). */
public record CookieAckChunk() implements Chunk {
    /** The only value. */
    public static final CookieAckChunk INSTANCE = new CookieAckChunk();

    @Override public int type() { return COOKIE_ACK; }
    @Override public int flags() { return 0; }
    @Override public int valueLength() { return 0; }
    @Override public void writeValue(ByteBuffer out) {}
}
