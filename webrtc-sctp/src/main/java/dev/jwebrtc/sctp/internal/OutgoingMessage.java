package dev.jwebrtc.sctp.internal;

/**
 * A user message on its way out: the bytes (owned), its stream and PPID, and its partial-reliability limits
 * (RFC 3758). Mutable bookkeeping is confined to the sending side of one association.
 */
public final class OutgoingMessage {
    final int streamId;
    final int ppid;
    final byte[] data;
    final boolean unordered;
    /** Retransmissions allowed after the first transmission; negative: unlimited (reliable). */
    final int maxRetransmits;
    /** Absolute deadline after which the message is abandoned; {@code Long.MAX_VALUE}: none. */
    final long expiresAtNanos;
    int offset;
    int ssn;
    long mid;
    long fsn;
    boolean abandoned;

    public OutgoingMessage(int streamId, int ppid, byte[] data, boolean unordered, int maxRetransmits,
            long expiresAtNanos) {
        this.streamId = streamId;
        this.ppid = ppid;
        this.data = data;
        this.unordered = unordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAtNanos = expiresAtNanos;
    }

    boolean partiallyReliable() {
        return maxRetransmits >= 0 || expiresAtNanos != Long.MAX_VALUE;
    }

    /** RFC 3758 §3.5 A1/A2: whether a chunk sent {@code transmissions} times may be sent once more. */
    boolean shouldAbandon(int transmissions, long nowNanos) {
        return (maxRetransmits >= 0 && transmissions > maxRetransmits) || nowNanos >= expiresAtNanos;
    }

    int remaining() {
        return data.length - offset;
    }
}
