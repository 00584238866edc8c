package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.Transmit;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * mDNS for ICE candidates (draft-ietf-mmusic-mdns-ice-candidates, RFC 6762), sans-IO: resolves remote
 * {@code .local} candidates by multicast queries, and hides local host addresses behind random
 * {@code <uuid>.local} names, answering queries for them. Datagrams go to and come from the mDNS group; the
 * driver owns the multicast socket ({@link #SOCKET} as a transmit source means "send from it").
 */
final class Mdns {

    static final InetSocketAddress GROUP_V4 = socket(new byte[] {(byte) 224, 0, 0, (byte) 251});
    /** The source of mDNS transmits: the driver's multicast socket on port 5353. */
    static final InetSocketAddress SOCKET = socket(new byte[] {0, 0, 0, 0});
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_QUERIES = 3;
    /** RFC 6762 §10: 120 s for records with a host name. */
    private static final long TTL_SECONDS = 120;

    private final AgentCore a;
    private final Map<InetAddress, String> namesByAddress = new HashMap<>();
    private final Map<String, InetAddress> addressesByName = new HashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private static final class Pending {
        final List<IceCandidate> candidates = new ArrayList<>();
        int queries;
        long nextQueryNanos;
    }

    Mdns(AgentCore agent) {
        this.a = agent;
    }

    private static InetSocketAddress socket(byte[] ip) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), 5353);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static boolean isMdns(InetSocketAddress from, InetSocketAddress to) {
        return to.getPort() == 5353 && (to.getAddress().isMulticastAddress() || to.equals(SOCKET));
    }

    /** The form of a local candidate that is signalled: host addresses replaced by names when hiding is on. */
    IceCandidate publicForm(IceCandidate c) {
        if (!a.config.mdnsHostCandidates()) {
            return c;
        }
        if (c.type() == CandidateType.HOST) {
            String name = namesByAddress.computeIfAbsent(c.address().getAddress(), ip -> {
                // The name is a random (version 4) UUID under .local.
                long hi = (a.random.nextLong() & ~0xF000L) | 0x4000L;
                long lo = (a.random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
                String n = new UUID(hi, lo) + ".local";
                addressesByName.put(n, ip);
                return n;
            });
            return new IceCandidate(c.foundation(), c.component(), c.transport(), c.priority(),
                    InetSocketAddress.createUnresolved(name, c.address().getPort()), c.type(), null, c.extensions());
        }
        // The draft: a reflexive candidate must not reveal its host address in raddr.
        return new IceCandidate(c.foundation(), c.component(), c.transport(), c.priority(), c.address(), c.type(),
                c.relatedAddress() == null ? null : new InetSocketAddress(SOCKET.getAddress(), 0), c.extensions());
    }

    /** Starts resolving a named remote candidate; names not under {@code .local} are left alone. */
    void resolve(long now, IceCandidate candidate) {
        String name = candidate.address().getHostString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".local")) {
            AgentCore.LOG.debug("remote candidate with a non-mDNS name is not resolved");
            return;
        }
        Pending p = pending.computeIfAbsent(name, n -> new Pending());
        p.candidates.add(candidate);
        if (p.queries == 0) {
            query(now, name, p);
        }
    }

    private void query(long now, String name, Pending p) {
        MdnsMessage q = new MdnsMessage(false, List.of(new MdnsMessage.Question(name, MdnsMessage.TYPE_A),
                new MdnsMessage.Question(name, MdnsMessage.TYPE_AAAA)), List.of());
        a.transmits.add(new Transmit(SOCKET, GROUP_V4, ByteBuffer.wrap(q.encode())));
        p.queries++;
        // RFC 6762 §5.2: one second, then doubling.
        p.nextQueryNanos = now + SECOND * (1L << (p.queries - 1));
    }

    void handleReceive(long now, ByteBuffer datagram) {
        Optional<MdnsMessage> decoded = MdnsMessage.decode(datagram);
        if (decoded.isEmpty()) {
            a.drop("malformed mDNS datagram from {}", "the mDNS group");
            return;
        }
        MdnsMessage m = decoded.get();
        if (!m.response()) {
            answer(m);
            return;
        }
        for (MdnsMessage.AddressRecord r : m.answers()) {
            Pending p = pending.remove(r.name());
            if (p == null) {
                continue;
            }
            for (IceCandidate c : p.candidates) {
                IceCandidate resolved = new IceCandidate(c.foundation(), c.component(), c.transport(), c.priority(),
                        new InetSocketAddress(r.address(), c.address().getPort()), c.type(), c.relatedAddress(),
                        c.extensions());
                a.addResolvedRemoteCandidate(now, resolved);
            }
        }
    }

    // RFC 6762 §6: answer questions about our own names, multicast to the group.
    private void answer(MdnsMessage query) {
        List<MdnsMessage.AddressRecord> answers = new ArrayList<>();
        for (MdnsMessage.Question q : query.questions()) {
            InetAddress ip = addressesByName.get(q.name());
            if (ip == null) {
                continue;
            }
            boolean v4 = ip instanceof Inet4Address;
            if ((q.type() == MdnsMessage.TYPE_A && v4) || (q.type() == MdnsMessage.TYPE_AAAA && !v4)) {
                answers.add(new MdnsMessage.AddressRecord(q.name(), ip, TTL_SECONDS));
            }
        }
        if (!answers.isEmpty()) {
            byte[] wire = new MdnsMessage(true, List.of(), answers).encode();
            a.transmits.add(new Transmit(SOCKET, GROUP_V4, ByteBuffer.wrap(wire)));
        }
    }

    void onTimer(long now) {
        for (Map.Entry<String, Pending> e : List.copyOf(pending.entrySet())) {
            Pending p = e.getValue();
            if (now < p.nextQueryNanos) {
                continue;
            }
            if (p.queries >= MAX_QUERIES) {
                pending.remove(e.getKey());
                AgentCore.LOG.debug("mDNS name not resolved, {} candidate(s) dropped", p.candidates.size());
            } else {
                query(now, e.getKey(), p);
            }
        }
    }

    long nextTimer() {
        long next = Long.MAX_VALUE;
        for (Pending p : pending.values()) {
            next = Math.min(next, p.nextQueryNanos);
        }
        return next;
    }
}
