package dev.jwebrtc.ice.internal;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * An outstanding STUN request with its retransmission schedule (RFC 8489 §6.2.1: RTO doubling per
 * retransmission; here capped at a maximum, and a fixed number of transmissions).
 */
final class Transaction {

    /** Why the request was sent; the response is dispatched on it. */
    sealed interface Purpose {}

    record Check(CandidatePair pair, boolean useCandidate) implements Purpose {}

    record Consent(CandidatePair pair) implements Purpose {}

    record ServerBinding(InetSocketAddress socket, InetSocketAddress server) implements Purpose {}

    record Turn(TurnAllocation allocation, TurnAllocation.Request request) implements Purpose {}

    final String key;
    final byte[] id;
    final byte[] request;
    final LocalCandidate from;
    final InetSocketAddress to;
    final Purpose purpose;
    final long firstSentNanos;
    final int maxTransmissions;
    final long maxRtoNanos;
    long rtoNanos;
    long nextSendNanos;
    int transmissions;
    byte @Nullable [] integrityKey;

    Transaction(byte[] id, byte[] request, LocalCandidate from, InetSocketAddress to, Purpose purpose, long now,
            long rtoNanos, long maxRtoNanos, int maxTransmissions) {
        this.key = key(id);
        this.id = id;
        this.request = request;
        this.from = from;
        this.to = to;
        this.purpose = purpose;
        this.firstSentNanos = now;
        this.rtoNanos = rtoNanos;
        this.maxRtoNanos = maxRtoNanos;
        this.maxTransmissions = maxTransmissions;
        this.nextSendNanos = now;
    }

    static String key(byte[] id) {
        return HexFormat.of().formatHex(id);
    }
}
