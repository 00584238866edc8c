package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.HostAddresses;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceEvent;
import dev.jwebrtc.ice.IceGatheringState;
import dev.jwebrtc.ice.TurnServer;
import dev.jwebrtc.ice.stun.MappedAddress;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Candidate gathering (RFC 8445 §5.1): host candidates from the sockets the caller bound, server-reflexive
 * candidates from STUN Binding requests, relayed candidates from TURN allocations. The agent decides what to
 * send; the caller owns the sockets.
 */
final class Gatherer {

    private final AgentCore a;
    private final List<LocalCandidate> hosts = new ArrayList<>();
    private final List<TurnAllocation> allocations = new ArrayList<>();
    private final Map<String, String> foundations = new HashMap<>();
    private boolean started;
    private int pendingServerBindings;

    Gatherer(AgentCore agent) {
        this.a = agent;
    }

    void gather(long now, List<InetSocketAddress> sockets) {
        started = true;
        int index = hosts.size();
        for (InetSocketAddress socket : sockets) {
            if (!accept(socket)) {
                continue;
            }
            if (hostFor(socket) != null) {
                continue;
            }
            // RFC 8445 §5.1.2.2: distinct local preferences per address, the caller's order first.
            int localPreference = Math.max(0, 65535 - index++);
            long priority = IceCandidate.priority(CandidateType.HOST.typePreference(), localPreference, 1);
            InetAddress mapped = nat1To1For(socket);
            // A 1:1 NAT as HOST: the socket is signalled under the public address (its base stays the socket).
            InetSocketAddress signalled = mapped != null && a.config.nat1To1CandidateType() == CandidateType.HOST
                    ? new InetSocketAddress(mapped, socket.getPort()) : socket;
            IceCandidate c = new IceCandidate(foundation(CandidateType.HOST, socket, null), 1, priority, signalled,
                    CandidateType.HOST, null);
            LocalCandidate host = new LocalCandidate(c, socket, null);
            hosts.add(host);
            a.addLocalCandidate(host, true);
            if (mapped != null && a.config.nat1To1CandidateType() == CandidateType.SERVER_REFLEXIVE) {
                // The NAT's mapping is known in advance: the reflexive candidate STUN would have found.
                addServerReflexive(host, new InetSocketAddress(mapped, socket.getPort()), null);
            }
            if (a.config.lite()) {
                continue; // RFC 8445 §5.1.1: lite agents only use host candidates
            }
            for (InetSocketAddress server : a.config.stunServers()) {
                if (sameFamily(socket, server)) {
                    sendServerBinding(now, host, server);
                }
            }
            for (TurnServer server : a.config.turnServers()) {
                if (sameFamily(socket, server.address())) {
                    TurnAllocation t = new TurnAllocation(a, host, server, localPreference);
                    allocations.add(t);
                    t.start(now);
                }
            }
        }
    }

    private boolean accept(InetSocketAddress socket) {
        InetAddress ip = socket.getAddress();
        if (ip == null || ip.isAnyLocalAddress() || ip.isMulticastAddress()) {
            throw new IllegalArgumentException("gather() needs the bound unicast address of each socket, got "
                    + socket);
        }
        return HostAddresses.usable(a.config, ip);
    }

    /** The configured 1:1 NAT address of this socket's family, if any. */
    private @Nullable InetAddress nat1To1For(InetSocketAddress socket) {
        for (InetAddress p : a.config.nat1To1Addresses()) {
            if ((p instanceof Inet4Address) == (socket.getAddress() instanceof Inet4Address)) {
                return p;
            }
        }
        return null;
    }

    private static boolean sameFamily(InetSocketAddress x, InetSocketAddress y) {
        return (x.getAddress() instanceof Inet4Address) == (y.getAddress() instanceof Inet4Address);
    }

    private void sendServerBinding(long now, LocalCandidate host, InetSocketAddress server) {
        byte[] id = StunMessage.newTransactionId(a.random);
        byte[] request = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, id).fingerprint().encode();
        pendingServerBindings++;
        a.startTransaction(now, host, server, id, request, new Transaction.ServerBinding(host.socket(), server),
                a.config.maxStunTransmissions());
    }

    // RFC 8489 §6.3.3 / RFC 8445 §5.1.1.2: the mapped address is the server-reflexive candidate.
    void onServerBindingResponse(long now, Transaction t, StunMessage res) {
        a.transactions.remove(t.key);
        pendingServerBindings--;
        Transaction.ServerBinding sb = (Transaction.ServerBinding) t.purpose;
        InetSocketAddress mapped = res.attribute(XorMappedAddress.class).map(XorMappedAddress::address)
                .or(() -> res.attribute(MappedAddress.class).map(MappedAddress::address)).orElse(null);
        if (res.messageClass() != StunClass.SUCCESS_RESPONSE || mapped == null) {
            AgentCore.LOG.debug("STUN server {} gave no mapped address", Redacted.of(sb.server()));
            return;
        }
        addServerReflexive(t.from, mapped, sb.server());
    }

    void addServerReflexive(LocalCandidate host, InetSocketAddress mapped, @Nullable InetSocketAddress server) {
        // RFC 8445 §5.1.3: a reflexive candidate equal to its base, or already known, is redundant.
        for (LocalCandidate c : a.localCandidates) {
            if (c.address().equals(mapped) && c.socket().equals(host.socket())) {
                return;
            }
        }
        int localPreference = (int) ((host.candidate().priority() >> 8) & 0xFFFF);
        long priority = IceCandidate.priority(CandidateType.SERVER_REFLEXIVE.typePreference(), localPreference, 1);
        IceCandidate c = new IceCandidate(foundation(CandidateType.SERVER_REFLEXIVE, host.socket(), server), 1,
                priority, mapped, CandidateType.SERVER_REFLEXIVE, host.socket());
        a.addLocalCandidate(new LocalCandidate(c, host.socket(), null), true);
    }

    void onServerBindingTimeout(long now, Transaction t) {
        pendingServerBindings--;
        AgentCore.LOG.debug("STUN server {} did not answer", Redacted.of(((Transaction.ServerBinding) t.purpose).server()));
    }

    /**
     * RFC 8445 §5.1.1.3: candidates share a foundation when they have the same type, base IP, server IP and
     * transport.
     */
    String foundation(CandidateType type, InetSocketAddress base, @Nullable InetSocketAddress server) {
        String key = type + "|" + base.getAddress().getHostAddress() + "|"
                + (server == null ? "" : server.getAddress().getHostAddress()) + "|udp";
        return foundations.computeIfAbsent(key, k -> Integer.toString(foundations.size() + 1));
    }

    @Nullable LocalCandidate hostFor(InetSocketAddress socket) {
        for (LocalCandidate h : hosts) {
            if (h.socket().equals(socket)) {
                return h;
            }
        }
        return null;
    }

    @Nullable TurnAllocation allocationFor(InetSocketAddress from, InetSocketAddress to) {
        for (TurnAllocation t : allocations) {
            if (t.server().equals(from) && t.socket().equals(to)) {
                return t;
            }
        }
        return null;
    }

    IceGatheringState gatheringState() {
        if (!started) {
            return IceGatheringState.NEW;
        }
        if (pendingServerBindings > 0 || allocations.stream().anyMatch(TurnAllocation::allocating)) {
            return IceGatheringState.GATHERING;
        }
        return IceGatheringState.COMPLETE;
    }

    /** After an ICE restart the signalled candidates are offered again under the new credentials. */
    void regather(long now) {
        for (LocalCandidate c : a.localCandidates) {
            if (c.type() != CandidateType.PEER_REFLEXIVE && (!a.config.relayOnly() || c.relay() != null)) {
                a.events.add(new IceEvent.CandidateGathered(a.mdns.publicForm(c.candidate())));
            }
        }
        if (gatheringState() == IceGatheringState.COMPLETE) {
            a.events.add(new IceEvent.GatheringComplete());
        }
    }

    void onTimer(long now) {
        for (TurnAllocation t : allocations) {
            t.onTimer(now);
        }
    }

    long nextTimer() {
        long next = Long.MAX_VALUE;
        for (TurnAllocation t : allocations) {
            next = Math.min(next, t.nextTimer());
        }
        return next;
    }

    void close(long now) {
        for (TurnAllocation t : allocations) {
            t.deallocate(now);
        }
    }
}
