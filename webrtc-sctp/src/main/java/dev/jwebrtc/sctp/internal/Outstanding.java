package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.Chunk;

/** One sent DATA or I-DATA chunk not yet covered by the peer's cumulative TSN ack (RFC 9260 §6.2.1). */
final class Outstanding {
    final long tsn;
    final Chunk chunk;
    final OutgoingMessage message;
    final int length;
    long sentAtNanos;
    int transmissions;
    boolean acked;
    boolean abandoned;
    boolean inFlight;
    boolean markedForRetransmit;

    Outstanding(long tsn, SendQueue.Fragment fragment) {
        this.tsn = tsn;
        this.chunk = fragment.chunk();
        this.message = fragment.message();
        this.length = fragment.length();
    }
}
