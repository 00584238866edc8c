package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceRole;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/** One candidate pair of the checklist with its check and consent state. Owned by one agent; not thread-safe. */
public final class CandidatePair {

    final LocalCandidate local;
    IceCandidate remote;
    long priority;
    PairState state = PairState.FROZEN;
    /** The controlled side saw USE-CANDIDATE before this pair succeeded (RFC 8445 §7.3.1.5). */
    boolean nominateOnSuccess;
    boolean nominated;
    /** The valid pair a successful check on this pair produced (itself unless the mapped address was new). */
    @Nullable CandidatePair validPair;
    @Nullable Transaction check;
    long lastResponseNanos = Long.MIN_VALUE;
    // RFC 7675 consent freshness, used while selected.
    long nextConsentNanos = Long.MAX_VALUE;
    @Nullable Transaction consent;
    boolean consentMissing;
    /** RFC 8445 §11: when something was last sent on this pair while selected. */
    long lastSentNanos;
    // W3C candidate-pair stats: round trips of checks and consent requests answered on this pair.
    long responsesReceived;
    long lastRttNanos = -1;
    long totalRttNanos;
    long rttSamples;

    CandidatePair(LocalCandidate local, IceCandidate remote, IceRole role) {
        this.local = local;
        this.remote = remote;
        updatePriority(role);
    }

    /** RFC 8445 §6.1.2.3: pair priority from the controlling (G) and controlled (D) candidate priorities. */
    static long pairPriority(long g, long d) {
        return (Math.min(g, d) << 32) + 2 * Math.max(g, d) + (g > d ? 1 : 0);
    }

    void updatePriority(IceRole role) {
        long l = local.candidate().priority();
        long r = remote.priority();
        priority = role == IceRole.CONTROLLING ? pairPriority(l, r) : pairPriority(r, l);
    }

    /** RFC 8445 §6.1.2.6: the pair foundation joins the two candidate foundations. */
    String foundation() {
        return local.candidate().foundation() + ":" + remote.foundation();
    }

    /** Whether this pair has the same local base and remote address as the other (RFC 8445 §6.1.2.4). */
    boolean sameAs(InetSocketAddress localBase, InetSocketAddress remoteAddress) {
        return local.base().equals(localBase) && remote.address().equals(remoteAddress);
    }

    public LocalCandidate local() {
        return local;
    }

    public IceCandidate remote() {
        return remote;
    }

    public PairState state() {
        return state;
    }

    public long priority() {
        return priority;
    }

    public boolean nominated() {
        return nominated;
    }

    /** Successful responses to checks and consent requests sent on this pair. */
    public long responsesReceived() {
        return responsesReceived;
    }

    /** The round trip of the latest answered check or consent request, or -1 before one. */
    public long lastRttNanos() {
        return lastRttNanos;
    }

    /** The sum of all round-trip samples (with {@link #rttSamples()}, the mean). */
    public long totalRttNanos() {
        return totalRttNanos;
    }

    public long rttSamples() {
        return rttSamples;
    }

    @Override
    public String toString() {
        return local.candidate().type().sdpName() + " " + local.address() + " <-> " + remote.type().sdpName() + " "
                + remote.address() + " " + state + (nominated ? " nominated" : "");
    }
}
