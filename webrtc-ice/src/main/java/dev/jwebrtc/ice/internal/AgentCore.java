package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceConfig;
import dev.jwebrtc.ice.IceConnectionState;
import dev.jwebrtc.ice.IceCredentials;
import dev.jwebrtc.ice.IceEvent;
import dev.jwebrtc.ice.IceGatheringState;
import dev.jwebrtc.ice.IceRole;
import dev.jwebrtc.ice.Transmit;
import dev.jwebrtc.ice.stun.PacketKind;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one ICE agent and its run loop: input dispatch, timers, the connection state machine and the
 * output queues. Connectivity checks live in {@link Checks}, gathering in {@link Gatherer}, TURN in
 * {@link TurnAllocation}. Single-threaded: the owner calls it from one thread at a time.
 */
public final class AgentCore {

    static final Logger LOG = LoggerFactory.getLogger("dev.jwebrtc.ice.IceAgent");

    final IceConfig config;
    final RandomGenerator random;
    final long tieBreaker;
    IceRole role;
    IceCredentials localCredentials;
    @Nullable IceCredentials remoteCredentials;
    final List<LocalCandidate> localCandidates = new ArrayList<>();
    final List<IceCandidate> remoteCandidates = new ArrayList<>();
    boolean remoteEndOfCandidates;
    Checklist checklist;
    final Map<String, Transaction> transactions = new HashMap<>();
    final Deque<CandidatePair> triggered = new ArrayDeque<>();
    final Deque<Transmit> transmits = new ArrayDeque<>();
    final Deque<IceEvent> events = new ArrayDeque<>();
    final Gatherer gatherer;
    final Checks checks;
    final Mdns mdns;
    long nextTaNanos = Long.MIN_VALUE;
    long firstValidNanos = Long.MAX_VALUE;
    @Nullable CandidatePair selected;
    @Nullable CandidatePair nominating;
    boolean checkingStarted;
    boolean consentExpired;
    boolean closed;
    IceConnectionState state = IceConnectionState.NEW;
    IceGatheringState gatheringState = IceGatheringState.NEW;
    long droppedDatagrams;
    /** The time of the call being handled, for work started from inside it without a time argument. */
    long nowHint;
    long ignoredDatagrams;

    public AgentCore(IceConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
        this.tieBreaker = random.nextLong();
        this.role = config.lite() ? IceRole.CONTROLLED : config.role();
        this.localCredentials = config.localCredentials() != null ? config.localCredentials()
                : IceCredentials.random(random);
        this.checklist = new Checklist(config.maxPairs());
        this.gatherer = new Gatherer(this);
        this.checks = new Checks(this);
        this.mdns = new Mdns(this);
    }

    // ---- user operations ----

    public void gather(long now, List<InetSocketAddress> sockets) {
        nowHint = now;
        requireOpen("gather");
        gatherer.gather(now, sockets);
        updateState(now);
    }

    public void setRemoteCredentials(long now, IceCredentials credentials) {
        nowHint = now;
        requireOpen("setRemoteCredentials");
        remoteCredentials = credentials;
        updateState(now);
    }

    public void addRemoteCandidate(long now, IceCandidate candidate) {
        nowHint = now;
        requireOpen("addRemoteCandidate");
        for (int i = 0; i < remoteCandidates.size(); i++) {
            IceCandidate c = remoteCandidates.get(i);
            if (c.address().equals(candidate.address()) && c.component() == candidate.component()
                    && c.transport().equals(candidate.transport())) {
                if (c.type() == CandidateType.PEER_REFLEXIVE && candidate.type() != CandidateType.PEER_REFLEXIVE) {
                    // RFC 8445 §7.3.1.3: a signalled candidate replaces the peer-reflexive one learnt earlier.
                    remoteCandidates.set(i, candidate);
                    checklist.replaceRemote(c, candidate, role);
                    updateState(now);
                }
                return; // RFC 8838 §11.4: otherwise a duplicate is ignored
            }
        }
        remoteCandidates.add(candidate);
        if (candidate.isNamed()) {
            mdns.resolve(now, candidate); // paired once resolved
            return;
        }
        for (LocalCandidate local : List.copyOf(localCandidates)) {
            pairUp(local, candidate);
        }
        updateState(now);
    }

    /** A named remote candidate that mDNS resolved: paired like any other. */
    void addResolvedRemoteCandidate(long now, IceCandidate candidate) {
        if (!closed) {
            addRemoteCandidate(now, candidate);
        }
    }

    public void endOfRemoteCandidates(long now) {
        remoteEndOfCandidates = true;
        updateState(now);
    }

    /** RFC 8445 §9: new local credentials, a fresh checklist; the selected pair keeps carrying data. */
    public void restart(long now) {
        nowHint = now;
        requireOpen("restart");
        localCredentials = IceCredentials.random(random);
        remoteCredentials = null;
        remoteCandidates.clear();
        remoteEndOfCandidates = false;
        checklist = new Checklist(config.maxPairs());
        triggered.clear();
        nominating = null;
        firstValidNanos = Long.MAX_VALUE;
        transactions.values().removeIf(t -> t.purpose instanceof Transaction.Check);
        localCandidates.removeIf(c -> c.type() == CandidateType.PEER_REFLEXIVE);
        if (consentExpired) {
            selected = null;
            consentExpired = false;
        }
        gatherer.regather(now);
        updateState(now);
    }

    public void close(long now) {
        if (closed) {
            return;
        }
        gatherer.close(now);
        closed = true;
        transactions.clear();
        triggered.clear();
        selected = null;
        setState(IceConnectionState.CLOSED);
    }

    /** Queues application data on the selected pair; false when there is none or consent has expired. */
    public boolean send(ByteBuffer payload) {
        CandidatePair pair = selected;
        if (closed || pair == null || consentExpired) {
            return false;
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        transmitFrom(pair.local, pair.remote.address(), bytes);
        return true;
    }

    // ---- input ----

    public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        if (closed) {
            return;
        }
        nowHint = now;
        if (Mdns.isMdns(from, to)) {
            mdns.handleReceive(now, datagram);
            updateState(now);
            return;
        }
        TurnAllocation allocation = gatherer.allocationFor(from, to);
        if (allocation != null) {
            allocation.handleFromServer(now, datagram);
        } else {
            LocalCandidate local = gatherer.hostFor(to);
            if (local == null) {
                drop("datagram for unknown local address {}", to);
                return;
            }
            receiveFromPeer(now, local, from, datagram);
        }
        updateState(now);
    }

    /** A datagram from a peer, directly or unwrapped from a TURN relay (then {@code local} is the relay). */
    void receiveFromPeer(long now, LocalCandidate local, InetSocketAddress from, ByteBuffer datagram) {
        if (PacketKind.of(datagram) != PacketKind.STUN) {
            if (local.relay() != null) {
                byte[] data = new byte[datagram.remaining()];
                datagram.duplicate().get(data);
                events.add(new IceEvent.RelayedDataReceived(local.address(), from, data));
            } else {
                ignoredDatagrams++; // RFC 7983: not ICE's; the driver demultiplexes before calling us
            }
            return;
        }
        Optional<StunMessage> decoded = StunMessage.decode(datagram);
        if (decoded.isEmpty()) {
            drop("malformed STUN from {}", from);
            return;
        }
        StunMessage m = decoded.get();
        if (m.messageClass().isResponse()) {
            Transaction t = transactions.get(Transaction.key(m.transactionId()));
            if (t == null) {
                drop("STUN response with unknown transaction from {}", from);
                return;
            }
            if (t.purpose instanceof Transaction.Check || t.purpose instanceof Transaction.Consent) {
                checks.onResponse(now, t, m, local, from);
            } else if (t.purpose instanceof Transaction.ServerBinding) {
                gatherer.onServerBindingResponse(now, t, m);
            } else {
                drop("unexpected STUN response from {}", from);
            }
        } else if (m.method() == StunMethod.BINDING && m.messageClass() == StunClass.REQUEST) {
            checks.onRequest(now, m, local, from);
        } else if (m.method() == StunMethod.BINDING && m.messageClass() == StunClass.INDICATION) {
            LOG.trace("keepalive indication from {}", Redacted.of(from)); // RFC 8445 §11
        } else {
            drop("unexpected STUN message from {}", from);
        }
    }

    public void handleTimeout(long now) {
        if (closed) {
            return;
        }
        nowHint = now;
        for (Transaction t : List.copyOf(transactions.values())) {
            if (t.nextSendNanos <= now && transactions.get(t.key) == t) {
                retransmitOrExpire(now, t);
            }
        }
        checks.onTimer(now);
        gatherer.onTimer(now);
        mdns.onTimer(now);
        updateState(now);
    }

    private void retransmitOrExpire(long now, Transaction t) {
        if (t.transmissions >= t.maxTransmissions) {
            transactions.remove(t.key);
            if (t.purpose instanceof Transaction.Check || t.purpose instanceof Transaction.Consent) {
                checks.onTimeout(now, t);
            } else if (t.purpose instanceof Transaction.ServerBinding) {
                gatherer.onServerBindingTimeout(now, t);
            } else if (t.purpose instanceof Transaction.Turn turn) {
                turn.allocation().onTimeout(now, turn.request());
            }
            return;
        }
        if (t.purpose instanceof Transaction.Consent c && t.transmissions >= config.disconnectedAfterMissed()) {
            c.pair().consentMissing = true; // a fast "disconnected" while consent is not yet lost
        }
        transmitFrom(t.from, t.to, t.request);
        t.transmissions++;
        t.rtoNanos = Math.min(t.rtoNanos * 2, t.maxRtoNanos);
        t.nextSendNanos = now + t.rtoNanos;
    }

    // ---- output ----

    /** Starts a STUN transaction and sends its first transmission now. */
    Transaction startTransaction(long now, LocalCandidate from, InetSocketAddress to, byte[] id, byte[] request,
            Transaction.Purpose purpose, int maxTransmissions) {
        long rto = config.checkRto().toNanos();
        Transaction t = new Transaction(id, request, from, to, purpose, now, rto, config.maxRto().toNanos(),
                maxTransmissions);
        transactions.put(t.key, t);
        transmitFrom(from, to, request);
        t.transmissions = 1;
        t.nextSendNanos = now + rto;
        return t;
    }

    /** Sends from a local candidate: directly from its socket, or wrapped through its TURN allocation. */
    void transmitFrom(LocalCandidate from, InetSocketAddress to, byte[] bytes) {
        CandidatePair sel = selected;
        if (sel != null && sel.local.base().equals(from.base()) && sel.remote.address().equals(to)) {
            sel.lastSentNanos = nowHint;
        }
        TurnAllocation relay = from.relay();
        if (relay != null) {
            relay.sendToPeer(to, bytes);
        } else {
            transmits.add(new Transmit(from.socket(), to, ByteBuffer.wrap(bytes)));
        }
    }

    public @Nullable Transmit pollTransmit() {
        return transmits.poll();
    }

    public @Nullable IceEvent pollEvent() {
        return events.poll();
    }

    public long pollTimeout() {
        if (closed) {
            return Long.MAX_VALUE;
        }
        long next = Long.MAX_VALUE;
        for (Transaction t : transactions.values()) {
            next = Math.min(next, t.nextSendNanos);
        }
        next = Math.min(next, checks.nextTimer());
        next = Math.min(next, gatherer.nextTimer());
        next = Math.min(next, mdns.nextTimer());
        return next;
    }

    // ---- candidates and state ----

    void addLocalCandidate(LocalCandidate local, boolean signal) {
        localCandidates.add(local);
        if (signal && !(config.relayOnly() && local.relay() == null)) {
            // W3C iceTransportPolicy "relay": other candidates' sockets are only a way to the TURN server.
            events.add(new IceEvent.CandidateGathered(mdns.publicForm(local.candidate())));
        }
        for (IceCandidate remote : List.copyOf(remoteCandidates)) {
            pairUp(local, remote);
        }
    }

    private void pairUp(LocalCandidate local, IceCandidate remote) {
        if (config.relayOnly() && local.relay() == null) {
            return;
        }
        CandidatePair p = checklist.add(local, remote, role);
        if (p != null && local.relay() != null) {
            local.relay().ensurePermission(remote.address());
        }
    }

    public void setRole(IceRole newRole) {
        requireOpen("setRole");
        if (config.lite() && newRole == IceRole.CONTROLLING) {
            throw new IllegalArgumentException("a lite agent is always controlled (RFC 8445 §6.1.1)");
        }
        switchRole(newRole);
    }

    void switchRole(IceRole newRole) {
        if (role == newRole) {
            return;
        }
        role = newRole;
        checklist.updatePriorities(role);
        nominating = null;
        events.add(new IceEvent.RoleChanged(role));
        LOG.debug("role changed to {} after a role conflict", role);
    }

    void select(long now, CandidatePair pair) {
        if (selected == pair) {
            return;
        }
        selected = pair;
        pair.lastSentNanos = now;
        pair.nextConsentNanos = now + consentInterval();
        pair.consentMissing = false;
        if (pair.lastResponseNanos == Long.MIN_VALUE) {
            pair.lastResponseNanos = now;
        }
        if (pair.local.relay() != null) {
            pair.local.relay().bindChannel(pair.remote.address());
        }
        LOG.debug("selected pair {}", Redacted.of(pair));
        events.add(new IceEvent.SelectedPairChanged(pair.local.candidate(), pair.remote, pair.local.socket()));
    }

    /** RFC 7675 §5.1: the next consent check, uniformly 0.8..1.2 times the interval. */
    long consentInterval() {
        long mean = config.consentInterval().toNanos();
        return (long) (mean * (0.8 + 0.4 * random.nextDouble()));
    }

    void updateState(long now) {
        if (closed) {
            return;
        }
        IceGatheringState g = gatherer.gatheringState();
        if (g != gatheringState) {
            gatheringState = g;
            events.add(new IceEvent.GatheringStateChanged(g));
            if (g == IceGatheringState.COMPLETE) {
                events.add(new IceEvent.GatheringComplete());
            }
        }
        IceConnectionState s;
        CandidatePair sel = selected;
        boolean gatheringDone = gatheringState == IceGatheringState.COMPLETE;
        if (consentExpired) {
            s = IceConnectionState.FAILED;
        } else if (sel != null) {
            if (sel.consentMissing) {
                s = IceConnectionState.DISCONNECTED;
            } else if (remoteEndOfCandidates && gatheringDone && !checklist.hasInProgress()
                    && checklist.pairs().contains(sel)) {
                s = IceConnectionState.COMPLETED;
            } else {
                s = IceConnectionState.CONNECTED;
            }
        } else if (checkingStarted && remoteEndOfCandidates && gatheringDone && checklist.allFailed()
                && triggered.isEmpty() && transactions.values().stream()
                        .noneMatch(t -> t.purpose instanceof Transaction.Check)) {
            s = IceConnectionState.FAILED;
        } else if (checkingStarted || (remoteCredentials != null && !checklist.pairs().isEmpty())) {
            checkingStarted = true;
            s = IceConnectionState.CHECKING;
        } else {
            s = IceConnectionState.NEW;
        }
        if (s == IceConnectionState.COMPLETED && state != IceConnectionState.CONNECTED
                && state != IceConnectionState.COMPLETED) {
            setState(IceConnectionState.CONNECTED); // W3C: completed is always reached through connected
        }
        setState(s);
    }

    private void setState(IceConnectionState s) {
        if (s != state) {
            LOG.debug("ICE connection state {} -> {}", state, s);
            state = s;
            events.add(new IceEvent.ConnectionStateChanged(s));
        }
    }

    void drop(String message, Object detail) {
        droppedDatagrams++;
        LOG.debug("dropped: " + message, Redacted.of(detail));
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new IllegalStateException("IceAgent." + operation + " called after close()");
        }
    }

    // ---- read-only views for the facade ----

    public IceRole role() {
        return role;
    }

    public IceCredentials localCredentials() {
        return localCredentials;
    }

    public IceConnectionState state() {
        return state;
    }

    public IceGatheringState gatheringState() {
        return gatheringState;
    }

    public @Nullable CandidatePair selected() {
        return selected;
    }

    public List<IceCandidate> localCandidates() {
        return localCandidates.stream().map(LocalCandidate::candidate).toList();
    }

    public List<IceCandidate> remoteCandidates() {
        return List.copyOf(remoteCandidates);
    }

    public List<CandidatePair> pairs() {
        return List.copyOf(checklist.pairs());
    }

    public long droppedDatagrams() {
        return droppedDatagrams;
    }

    public long ignoredDatagrams() {
        return ignoredDatagrams;
    }
}
