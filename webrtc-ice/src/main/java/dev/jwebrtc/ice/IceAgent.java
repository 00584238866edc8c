package dev.jwebrtc.ice;

import dev.jwebrtc.ice.internal.AgentCore;
import dev.jwebrtc.ice.internal.CandidatePair;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A sans-IO ICE agent (RFC 8445 full or lite, RFC 8838 trickle, RFC 7675 consent freshness) for one data
 * stream with one component (WebRTC bundles and multiplexes RTCP).
 *
 * <p>Usage: {@link #gather} with the sockets the driver bound, signal {@link #localCredentials()} and the
 * candidates from {@link IceEvent.CandidateGathered} events, feed the peer's credentials and candidates with
 * {@link #setRemoteCredentials} and {@link #addRemoteCandidate}. Then run the sans-IO loop: every datagram
 * that is STUN (first byte 0..3), or that comes from a configured TURN server, goes to {@link #handleReceive};
 * datagrams received on the driver's mDNS multicast socket go to {@link #handleReceive} too, with {@code to}
 * the group address and port 5353;
 * after each call drain {@link #pollTransmit()} and {@link #pollEvent()} until both are {@code null}, then call
 * {@link #handleTimeout} at {@link #pollTimeout()}. Application data is sent with {@link #send}.
 *
 * <p>Not thread-safe: one thread (an event loop) owns an agent. It never blocks, opens sockets or reads a
 * clock; time comes in as nanoseconds and randomness from the injected generator. Bad remote input is
 * dropped, counted in {@link #droppedDatagrams()} and logged at DEBUG.
 */
public final class IceAgent {

    private final AgentCore core;

    /**
     * @param config the configuration
     * @param random the only source of randomness (credentials, tie-breaker, transaction IDs, consent jitter)
     */
    public IceAgent(IceConfig config, RandomGenerator random) {
        this.core = new AgentCore(Objects.requireNonNull(config, "config"), Objects.requireNonNull(random, "random"));
    }

    /**
     * Starts gathering on the sockets the driver bound (one per interface address it wants to use). Loopback,
     * link-local IPv6 and filtered addresses are skipped per {@link IceConfig}; each kept socket becomes a host
     * candidate, and STUN/TURN servers of its address family are asked for reflexive and relayed candidates.
     */
    public void gather(long nowNanos, List<InetSocketAddress> boundSockets) {
        core.gather(nowNanos, List.copyOf(boundSockets));
    }

    /**
     * Sets the role when signalling decides it after construction (RFC 8445 §6.1.1: the offerer controls, and a
     * full agent facing a lite one always controls). Pair priorities are recomputed.
     *
     * @throws IllegalArgumentException if a lite agent is asked to control
     */
    public void setRole(IceRole role) {
        core.setRole(Objects.requireNonNull(role, "role"));
    }

    /** The peer's ufrag and password. Candidates may have arrived before them (RFC 8838 §11.1). */
    public void setRemoteCredentials(long nowNanos, IceCredentials credentials) {
        core.setRemoteCredentials(nowNanos, Objects.requireNonNull(credentials, "credentials"));
    }

    /** A remote candidate, at any time (trickle). Named (mDNS) candidates are kept but not paired. */
    public void addRemoteCandidate(long nowNanos, IceCandidate candidate) {
        core.addRemoteCandidate(nowNanos, Objects.requireNonNull(candidate, "candidate"));
    }

    /** The peer signalled end-of-candidates (RFC 8838 §8.2). */
    public void endOfRemoteCandidates(long nowNanos) {
        core.endOfRemoteCandidates(nowNanos);
    }

    /**
     * ICE restart (RFC 8445 §9): new local credentials and a fresh checklist; remote credentials and candidates
     * must be given again. The selected pair keeps carrying data until a new one is selected.
     */
    public void restart(long nowNanos) {
        core.restart(nowNanos);
    }

    /** Closes the agent: TURN allocations are released; the state becomes {@link IceConnectionState#CLOSED}. */
    public void close(long nowNanos) {
        core.close(nowNanos);
    }

    /**
     * Queues application data on the selected pair (wrapped for a TURN relay if needed).
     *
     * @return false when no pair is selected, consent has expired (RFC 7675 §5.1) or the agent is closed
     */
    public boolean send(ByteBuffer payload) {
        return core.send(payload);
    }

    public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        core.handleReceive(nowNanos, from, to, datagram);
    }

    public void handleTimeout(long nowNanos) {
        core.handleTimeout(nowNanos);
    }

    public @Nullable Transmit pollTransmit() {
        return core.pollTransmit();
    }

    public @Nullable IceEvent pollEvent() {
        return core.pollEvent();
    }

    public long pollTimeout() {
        return core.pollTimeout();
    }

    public IceCredentials localCredentials() {
        return core.localCredentials();
    }

    public IceRole role() {
        return core.role();
    }

    public IceConnectionState connectionState() {
        return core.state();
    }

    public IceGatheringState gatheringState() {
        return core.gatheringState();
    }

    /** Every local candidate gathered or learnt (peer-reflexive ones included). */
    public List<IceCandidate> localCandidates() {
        return core.localCandidates();
    }

    /** The selected pair as (local, remote) candidates, if any. */
    public Optional<SelectedPair> selectedPair() {
        CandidatePair p = core.selected();
        return p == null ? Optional.empty()
                : Optional.of(new SelectedPair(p.local().candidate(), p.remote(), p.local().socket()));
    }

    /** Every remote candidate, signalled or learnt as peer-reflexive. */
    public List<IceCandidate> remoteCandidates() {
        return core.remoteCandidates();
    }

    /** The checklist, highest priority first. */
    public List<IceCandidatePairInfo> candidatePairs() {
        CandidatePair sel = core.selected();
        return core.pairs().stream().map(p -> new IceCandidatePairInfo(p.local().candidate(), p.remote(),
                IceCandidatePairState.valueOf(p.state().name()), p.nominated(), p.priority(), p == sel,
                p.responsesReceived(), p.lastRttNanos(), p.totalRttNanos(), p.rttSamples())).toList();
    }

    /** Datagrams dropped as malformed, unauthenticated or unexpected. */
    public long droppedDatagrams() {
        return core.droppedDatagrams();
    }

    /** Non-STUN datagrams handed to the agent and ignored (RFC 7983 demultiplexing belongs to the driver). */
    public long ignoredDatagrams() {
        return core.ignoredDatagrams();
    }

    /** The pair carrying data: local and remote candidate and the local socket it leaves from. */
    public record SelectedPair(IceCandidate local, IceCandidate remote, InetSocketAddress socket) {}
}
