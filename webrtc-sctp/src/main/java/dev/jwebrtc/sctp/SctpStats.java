package dev.jwebrtc.sctp;

/**
 * Counters and current values of an association; dropped network input shows up here.
 *
 * @param packetsDropped packets discarded: malformed, bad checksum, wrong verification tag, wrong state
 * @param outstandingChunks DATA chunks sent and not yet cumulatively acknowledged (0: everything delivered or skipped)
 * @param tailLossProbes probes sent because a burst's end went unacknowledged for two RTTs (RFC 8985 §7); each is
 *        also counted in {@code retransmissions}
 */
public record SctpStats(long packetsSent, long packetsReceived, long bytesSent, long bytesReceived,
        long packetsDropped, long dataChunksDropped, long messagesSent, long messagesReceived, long retransmissions,
        long fastRetransmits, long retransmissionTimeouts, long abandonedMessages, long cwnd, long ssthresh,
        long flightSize, int outstandingChunks, long peerReceiveWindow, long rtoNanos, long srttNanos, long tailLossProbes) {}
