package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.DataChunk;

/** One sent DATA chunk not yet covered by the peer's cumulative TSN ack (RFC 9260 §6.2.1). */
final class Outstanding {
    final long tsn;
    final DataChunk chunk;
    final OutgoingMessage message;
    final int length;
    long sentAtNanos;
    int transmissions;
    boolean acked;
    boolean abandoned;
    boolean inFlight;
    boolean markedForRetransmit;

    Outstanding(long tsn, DataChunk chunk, OutgoingMessage message) {
        this.tsn = tsn;
        this.chunk = chunk;
        this.message = message;
        this.length = chunk.payload().length;
    }
}
