package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.Transmit;
import dev.jwebrtc.ice.TurnServer;
import dev.jwebrtc.ice.stun.AlternateServer;
import dev.jwebrtc.ice.stun.ChannelData;
import dev.jwebrtc.ice.stun.ChannelNumber;
import dev.jwebrtc.ice.stun.Data;
import dev.jwebrtc.ice.stun.ErrorCode;
import dev.jwebrtc.ice.stun.Lifetime;
import dev.jwebrtc.ice.stun.Nonce;
import dev.jwebrtc.ice.stun.PacketKind;
import dev.jwebrtc.ice.stun.Realm;
import dev.jwebrtc.ice.stun.RequestedTransport;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunKeys;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.Username;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import dev.jwebrtc.ice.stun.XorPeerAddress;
import dev.jwebrtc.ice.stun.XorRelayedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A TURN client allocation over UDP (RFC 8656): Allocate with long-term credentials and the 401/438 nonce
 * dance, Refresh, CreatePermission, ChannelBind, Send/Data indications and ChannelData, deallocation on close.
 * It yields one relayed candidate (and a server-reflexive one from XOR-MAPPED-ADDRESS).
 */
final class TurnAllocation {

    /** What a TURN transaction asked for, so it can be re-sent with a fresh nonce. */
    sealed interface Request {}

    record Allocate() implements Request {}

    record Refresh(long lifetime) implements Request {}

    record Permission(InetAddress peer) implements Request {}

    record Bind(int channel, InetSocketAddress peer) implements Request {}

    private enum State { ALLOCATING, ALLOCATED, FAILED, CLOSED }

    private static final long SECOND = 1_000_000_000L;
    private static final long PERMISSION_REFRESH = 240 * SECOND; // RFC 8656 §9: permissions last 300 s
    private static final long CHANNEL_REFRESH = 540 * SECOND; // RFC 8656 §12: channel bindings last 600 s

    private final AgentCore a;
    private final LocalCandidate host;
    private final TurnServer server;
    private final int localPreference;
    /** The server's address; changes once on 300 Try Alternate (RFC 8656 §7.3, RFC 8489 §10). */
    private InetSocketAddress serverAddress;
    private boolean redirected;
    private State state = State.ALLOCATING;
    private @Nullable String realm;
    private @Nullable String nonce;
    private byte @Nullable [] key;
    private int authAttempts;
    private @Nullable LocalCandidate relayed;
    private long refreshAt = Long.MAX_VALUE;
    private final Map<InetAddress, Long> permissions = new HashMap<>();
    private final Set<InetAddress> wantedPermissions = new HashSet<>();
    private final Map<InetSocketAddress, Integer> channels = new HashMap<>();
    private final Map<Integer, InetSocketAddress> peersByChannel = new HashMap<>();
    private final Map<InetSocketAddress, Long> boundChannels = new HashMap<>();
    private int nextChannel = ChannelNumber.MIN;

    TurnAllocation(AgentCore agent, LocalCandidate host, TurnServer server, int localPreference) {
        this.a = agent;
        this.host = host;
        this.server = server;
        this.localPreference = localPreference;
        this.serverAddress = server.address();
    }

    InetSocketAddress server() {
        return serverAddress;
    }

    InetSocketAddress socket() {
        return host.socket();
    }

    boolean allocating() {
        return state == State.ALLOCATING;
    }

    void start(long now) {
        send(now, new Allocate());
    }

    private void send(long now, Request r) {
        byte[] id = StunMessage.newTransactionId(a.random);
        StunMessage.Builder b;
        if (r instanceof Allocate) {
            b = StunMessage.builder(StunMethod.ALLOCATE, StunClass.REQUEST, id)
                    .add(new RequestedTransport(RequestedTransport.UDP));
        } else if (r instanceof Refresh refresh) {
            b = StunMessage.builder(StunMethod.REFRESH, StunClass.REQUEST, id).add(new Lifetime(refresh.lifetime()));
        } else if (r instanceof Permission p) {
            b = StunMessage.builder(StunMethod.CREATE_PERMISSION, StunClass.REQUEST, id)
                    .add(new XorPeerAddress(new InetSocketAddress(p.peer(), 0)));
        } else {
            Bind bind = (Bind) r;
            b = StunMessage.builder(StunMethod.CHANNEL_BIND, StunClass.REQUEST, id)
                    .add(new ChannelNumber(bind.channel())).add(new XorPeerAddress(bind.peer()));
        }
        byte[] k = key;
        if (k != null && realm != null && nonce != null) {
            // RFC 8489 §9.2.4: USERNAME, REALM, NONCE and MESSAGE-INTEGRITY with the long-term key.
            b.add(new Username(server.username())).add(new Realm(realm)).add(new Nonce(nonce)).integrity(k);
        }
        Transaction t = a.startTransaction(now, host, serverAddress, id, b.fingerprint().encode(),
                new Transaction.Turn(this, r), a.config.maxStunTransmissions());
        t.integrityKey = k;
    }

    /** A datagram from the TURN server on our socket. */
    void handleFromServer(long now, ByteBuffer datagram) {
        LocalCandidate relay = relayed;
        if (PacketKind.of(datagram) == PacketKind.TURN_CHANNEL) {
            Optional<ChannelData> cd = ChannelData.decode(datagram);
            InetSocketAddress peer = cd.map(c -> peersByChannel.get(c.channel())).orElse(null);
            if (peer == null || relay == null) {
                a.drop("ChannelData on an unknown channel from {}", serverAddress);
                return;
            }
            a.receiveFromPeer(now, relay, peer, ByteBuffer.wrap(cd.get().data()));
            return;
        }
        Optional<StunMessage> decoded = StunMessage.decode(datagram);
        if (decoded.isEmpty()) {
            a.drop("malformed datagram from TURN server {}", serverAddress);
            return;
        }
        StunMessage m = decoded.get();
        if (m.method() == StunMethod.DATA && m.messageClass() == StunClass.INDICATION) {
            // RFC 8656 §11.6: a Data indication carries XOR-PEER-ADDRESS and DATA.
            Optional<XorPeerAddress> peer = m.attribute(XorPeerAddress.class);
            Optional<Data> data = m.attribute(Data.class);
            if (peer.isEmpty() || data.isEmpty() || relay == null) {
                a.drop("incomplete Data indication from {}", serverAddress);
                return;
            }
            a.receiveFromPeer(now, relay, peer.get().address(), ByteBuffer.wrap(data.get().bytes()));
            return;
        }
        Transaction t = m.messageClass().isResponse() ? a.transactions.get(Transaction.key(m.transactionId())) : null;
        if (t == null || !(t.purpose instanceof Transaction.Turn turn) || turn.allocation() != this) {
            a.drop("unexpected STUN from TURN server {}", serverAddress);
            return;
        }
        onResponse(now, t, m, turn.request());
    }

    private void onResponse(long now, Transaction t, StunMessage m, Request r) {
        if (m.messageClass() == StunClass.ERROR_RESPONSE) {
            a.transactions.remove(t.key);
            int code = m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
            Optional<String> newNonce = m.attribute(Nonce.class).map(Nonce::value);
            Optional<InetSocketAddress> alternate = m.attribute(AlternateServer.class).map(AlternateServer::address);
            if (code == ErrorCode.TRY_ALTERNATE && r instanceof Allocate && !redirected && alternate.isPresent()
                    && alternate.get().getAddress().getClass() == serverAddress.getAddress().getClass()) {
                // RFC 8656 §7.3 / RFC 8489 §10: start over at the alternate server, once.
                redirected = true;
                serverAddress = alternate.get();
                realm = null;
                nonce = null;
                key = null;
                authAttempts = 0;
                send(now, r);
                return;
            }
            if ((code == ErrorCode.UNAUTHORIZED && authAttempts++ < 2 || code == ErrorCode.STALE_NONCE)
                    && newNonce.isPresent()) {
                // RFC 8656 §7.2/§7.3 and RFC 8489 §9.2.5: learn realm and nonce, retry with credentials.
                m.attribute(Realm.class).ifPresent(realmAttr -> {
                    realm = realmAttr.value();
                    key = StunKeys.longTerm(server.username(), realmAttr.value(), server.password());
                });
                nonce = newNonce.get();
                if (key != null && state != State.CLOSED) {
                    send(now, r);
                    return;
                }
            }
            AgentCore.LOG.debug("TURN {} failed with {} at {}", r.getClass().getSimpleName(), code,
                    Redacted.of(serverAddress));
            if (r instanceof Allocate) {
                state = State.FAILED;
            } else if (r instanceof Permission p) {
                permissions.remove(p.peer());
            }
            return;
        }
        byte[] k = t.integrityKey;
        if (k != null && !m.verifyIntegrity(k)) {
            a.drop("TURN response with bad integrity from {}", serverAddress);
            return;
        }
        a.transactions.remove(t.key);
        authAttempts = 0;
        if (r instanceof Allocate) {
            allocated(now, m);
        } else if (r instanceof Refresh refresh) {
            if (refresh.lifetime() > 0) {
                scheduleRefresh(now, m.attribute(Lifetime.class).map(Lifetime::seconds).orElse(refresh.lifetime()));
            }
        } else if (r instanceof Permission p) {
            permissions.put(p.peer(), now + PERMISSION_REFRESH);
        } else if (r instanceof Bind bind) {
            boundChannels.put(bind.peer(), now + CHANNEL_REFRESH);
            permissions.put(bind.peer().getAddress(), now + PERMISSION_REFRESH); // RFC 8656 §12.2
        }
    }

    private void allocated(long now, StunMessage m) {
        Optional<XorRelayedAddress> relayedAddress = m.attribute(XorRelayedAddress.class);
        if (relayedAddress.isEmpty()) {
            state = State.FAILED;
            return;
        }
        state = State.ALLOCATED;
        scheduleRefresh(now, m.attribute(Lifetime.class).map(Lifetime::seconds).orElse(600L));
        InetSocketAddress mapped = m.attribute(XorMappedAddress.class).map(XorMappedAddress::address).orElse(null);
        long priority = IceCandidate.priority(CandidateType.RELAYED.typePreference(), localPreference, 1);
        IceCandidate c = new IceCandidate(a.gatherer.foundation(CandidateType.RELAYED, host.socket(), serverAddress),
                1, priority, relayedAddress.get().address(), CandidateType.RELAYED, mapped);
        LocalCandidate relay = new LocalCandidate(c, host.socket(), this);
        relayed = relay;
        if (mapped != null) {
            a.gatherer.addServerReflexive(host, mapped, serverAddress);
        }
        a.addLocalCandidate(relay, true);
        for (InetAddress peer : Set.copyOf(wantedPermissions)) {
            requestPermission(now, peer);
        }
        wantedPermissions.clear();
    }

    private void scheduleRefresh(long now, long lifetimeSeconds) {
        // RFC 8656 §8: refresh before the lifetime ends; a minute early, or halfway for short lifetimes.
        long s = Math.max(1, lifetimeSeconds > 120 ? lifetimeSeconds - 60 : lifetimeSeconds / 2);
        refreshAt = now + s * SECOND;
    }

    void onTimeout(long now, Request r) {
        if (r instanceof Allocate) {
            state = State.FAILED;
        } else if (r instanceof Permission p) {
            permissions.remove(p.peer());
        } else if (r instanceof Bind bind) {
            boundChannels.remove(bind.peer());
        }
    }

    /** RFC 8656 §9: the server relays only from peers with a permission; asked for each remote candidate. */
    void ensurePermission(InetSocketAddress peer) {
        InetAddress ip = peer.getAddress();
        if (ip == null || permissions.containsKey(ip)) {
            return;
        }
        if (state != State.ALLOCATED) {
            wantedPermissions.add(ip);
            return;
        }
        requestPermission(a.nowHint, ip);
    }

    private void requestPermission(long now, InetAddress ip) {
        permissions.put(ip, Long.MAX_VALUE); // pending
        send(now, new Permission(ip));
    }

    /** RFC 8656 §12: a channel for the selected peer, so data goes as 4-byte-header ChannelData. */
    void bindChannel(InetSocketAddress peer) {
        if (channels.containsKey(peer) || state != State.ALLOCATED || nextChannel > ChannelNumber.MAX) {
            return;
        }
        int ch = nextChannel++;
        channels.put(peer, ch);
        peersByChannel.put(ch, peer);
        send(a.nowHint, new Bind(ch, peer));
    }

    /** Wraps data (or a STUN check) for a peer: ChannelData when a channel is bound, else a Send indication. */
    void sendToPeer(InetSocketAddress peer, byte[] bytes) {
        if (state != State.ALLOCATED) {
            return;
        }
        byte[] wire;
        Integer ch = channels.get(peer);
        if (ch != null && boundChannels.containsKey(peer)) {
            wire = new ChannelData(ch, bytes).encode();
        } else {
            // RFC 8656 §11.1: Send indication with XOR-PEER-ADDRESS and DATA (no authentication).
            wire = StunMessage.builder(StunMethod.SEND, StunClass.INDICATION, StunMessage.newTransactionId(a.random))
                    .add(new XorPeerAddress(peer)).add(new Data(bytes)).encode();
        }
        a.transmits.add(new Transmit(host.socket(), serverAddress, ByteBuffer.wrap(wire)));
    }

    void onTimer(long now) {
        if (state != State.ALLOCATED) {
            return;
        }
        if (now >= refreshAt) {
            refreshAt = Long.MAX_VALUE;
            send(now, new Refresh(600));
        }
        for (Map.Entry<InetAddress, Long> e : Map.copyOf(permissions).entrySet()) {
            if (now >= e.getValue()) {
                requestPermission(now, e.getKey());
            }
        }
        for (Map.Entry<InetSocketAddress, Long> e : Map.copyOf(boundChannels).entrySet()) {
            if (now >= e.getValue()) {
                boundChannels.put(e.getKey(), Long.MAX_VALUE - 1);
                send(now, new Bind(channels.get(e.getKey()), e.getKey()));
            }
        }
    }

    long nextTimer() {
        if (state != State.ALLOCATED) {
            return Long.MAX_VALUE;
        }
        long next = refreshAt;
        for (long t : permissions.values()) {
            next = Math.min(next, t);
        }
        for (long t : boundChannels.values()) {
            next = Math.min(next, t);
        }
        return next;
    }

    /** RFC 8656 §8: a Refresh with LIFETIME 0 deletes the allocation; sent once, not retransmitted. */
    void deallocate(long now) {
        if (state == State.ALLOCATED && key != null && realm != null && nonce != null) {
            byte[] id = StunMessage.newTransactionId(a.random);
            byte[] wire = StunMessage.builder(StunMethod.REFRESH, StunClass.REQUEST, id).add(new Lifetime(0))
                    .add(new Username(server.username())).add(new Realm(realm)).add(new Nonce(nonce)).integrity(key)
                    .fingerprint().encode();
            a.transmits.add(new Transmit(host.socket(), serverAddress, ByteBuffer.wrap(wire)));
        }
        state = State.CLOSED;
    }
}
