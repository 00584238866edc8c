package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A virtual TURN server over UDP (RFC 8656), good enough to test an ICE agent's relay candidates: long-term
 * credentials with a realm and nonce (RFC 8489 §9.2), Allocate, Refresh, CreatePermission, ChannelBind, Send and
 * Data indications, ChannelData, permission and allocation lifetimes. It also answers plain Binding requests.
 *
 * <p>Relayed addresses are ports of the server's own address. Not implemented (a test needing them uses coturn):
 * TCP relays, EVEN-PORT/RESERVATION-TOKEN, DONT-FRAGMENT enforcement, ADDITIONAL-ADDRESS-FAMILY, stale nonces.
 */
public final class TurnServer implements VirtualServer {

    /** RFC 8656 §3.2: the default allocation lifetime. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    private static final Duration MAX_LIFETIME = Duration.ofHours(1);
    /** RFC 8656 §9: permissions live 300 s; §12: channel bindings 600 s. */
    private static final long PERMISSION_NANOS = Duration.ofMinutes(5).toNanos();
    private static final long CHANNEL_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int UDP = 17;
    private static final int FIRST_RELAY_PORT = 49152;

    private final InetSocketAddress address;
    private final String realm;
    private final Map<String, String> passwords;
    private final String nonce;
    private final RandomGenerator random;
    private final Map<InetSocketAddress, Allocation> byClient = new HashMap<>();
    private final Map<Integer, Allocation> byRelayPort = new HashMap<>();

    private long relayedToPeers;
    private long relayedToClients;
    private long rejected;

    TurnServer(InetSocketAddress address, String realm, Map<String, String> passwords, RandomGenerator random) {
        this.address = address;
        this.realm = realm;
        this.passwords = Map.copyOf(passwords);
        this.random = random;
        byte[] nonceBytes = new byte[8];
        random.nextBytes(nonceBytes);
        this.nonce = HexFormat.of().formatHex(nonceBytes);
    }

    /** Where clients reach the server. */
    public InetSocketAddress address() {
        return address;
    }

    public String realm() {
        return realm;
    }

    /** Allocations alive at {@code nowNanos}. */
    public int allocations(long nowNanos) {
        expire(nowNanos);
        return byClient.size();
    }

    /** Datagrams relayed from clients to peers. */
    public long relayedToPeers() {
        return relayedToPeers;
    }

    /** Datagrams relayed from peers to clients. */
    public long relayedToClients() {
        return relayedToClients;
    }

    /** Requests refused with an error response, and relayed data refused for lack of permission. */
    public long rejected() {
        return rejected;
    }

    @Override
    public boolean receive(long nowNanos, Datagram datagram, Output out) {
        expire(nowNanos);
        int port = datagram.destination().getPort();
        if (port != address.getPort()) {
            return fromPeer(nowNanos, datagram, out);
        }
        ByteBuffer payload = datagram.payload();
        if (payload.remaining() >= 4 && (payload.get(payload.position()) & 0xC0) == 0x40) {
            return fromClientChannelData(nowNanos, datagram, out);
        }
        StunCodec.Message m = StunCodec.decode(payload);
        if (m == null) {
            return false;
        }
        if (m.method() == StunCodec.BINDING && m.cls() == StunCodec.REQUEST) {
            byte[] response = StunResponder.respond(datagram);
            if (response != null) {
                out.send(Datagram.of(address, datagram.source(), response));
            }
            return true;
        }
        if (m.method() == StunCodec.SEND && m.cls() == StunCodec.INDICATION) {
            return sendIndication(nowNanos, datagram.source(), m, out);
        }
        if (m.cls() != StunCodec.REQUEST) {
            return false;
        }
        byte[] reply = request(nowNanos, datagram.source(), m);
        out.send(Datagram.of(address, datagram.source(), reply));
        return true;
    }

    private byte[] request(long nowNanos, InetSocketAddress client, StunCodec.Message m) {
        // RFC 8489 §9.2.4: unauthenticated requests get a 401 with the realm and a nonce.
        String username = m.string(StunCodec.USERNAME);
        if (m.first(StunCodec.MESSAGE_INTEGRITY) == null || username == null) {
            return challenge(m, 401, "Unauthorized");
        }
        String password = passwords.get(username);
        if (!nonce.equals(m.string(StunCodec.NONCE)) || !realm.equals(m.string(StunCodec.REALM)) || password == null) {
            return challenge(m, password == null ? 401 : 438, password == null ? "Unauthorized" : "Stale Nonce");
        }
        byte[] key = StunCodec.longTermKey(username, realm, password);
        if (!StunCodec.integrityOk(m, key)) {
            return challenge(m, 401, "Unauthorized");
        }
        Allocation allocation = byClient.get(client);
        return switch (m.method()) {
            case StunCodec.ALLOCATE -> allocate(nowNanos, client, m, key, allocation);
            case StunCodec.REFRESH -> refresh(nowNanos, client, m, key, allocation);
            case StunCodec.CREATE_PERMISSION -> createPermission(nowNanos, m, key, allocation);
            case StunCodec.CHANNEL_BIND -> channelBind(nowNanos, m, key, allocation);
            default -> error(m, key, 400, "Bad Request");
        };
    }

    private byte[] allocate(long nowNanos, InetSocketAddress client, StunCodec.Message m, byte[] key,
            @Nullable Allocation existing) {
        if (existing != null) {
            // RFC 8656 §7.2: a retransmitted Allocate gets the same answer; any other is a mismatch.
            return Arrays.equals(existing.transactionId, m.transactionId())
                    ? allocateSuccess(nowNanos, client, m, key, existing)
                    : error(m, key, 437, "Allocation Mismatch");
        }
        StunCodec.Attribute transport = m.first(StunCodec.REQUESTED_TRANSPORT);
        if (transport == null) {
            return error(m, key, 400, "Bad Request");
        }
        if (transport.value().length != 4 || transport.value()[0] != UDP) {
            return error(m, key, 442, "Unsupported Transport Protocol");
        }
        int relayPort = allocatePort();
        Allocation allocation = new Allocation(client, relayPort, m.transactionId(),
                nowNanos + requestedLifetime(m).toNanos());
        byClient.put(client, allocation);
        byRelayPort.put(relayPort, allocation);
        return allocateSuccess(nowNanos, client, m, key, allocation);
    }

    private byte[] allocateSuccess(long nowNanos, InetSocketAddress client, StunCodec.Message m, byte[] key,
            Allocation allocation) {
        return new StunCodec.Builder(StunCodec.ALLOCATE, StunCodec.SUCCESS, m.transactionId())
                .xorAddress(StunCodec.XOR_RELAYED_ADDRESS, allocation.relayAddress())
                .u32(StunCodec.LIFETIME, (int) ((allocation.expiresNanos - nowNanos) / 1_000_000_000L))
                .xorAddress(StunCodec.XOR_MAPPED_ADDRESS, client)
                .messageIntegrity(key)
                .fingerprintAndBuild();
    }

    private byte[] refresh(long nowNanos, InetSocketAddress client, StunCodec.Message m, byte[] key,
            @Nullable Allocation allocation) {
        if (allocation == null) {
            return error(m, key, 437, "Allocation Mismatch");
        }
        Duration lifetime = requestedLifetime(m);
        if (lifetime.isZero()) {
            remove(allocation);
        } else {
            allocation.expiresNanos = nowNanos + lifetime.toNanos();
        }
        return new StunCodec.Builder(StunCodec.REFRESH, StunCodec.SUCCESS, m.transactionId())
                .u32(StunCodec.LIFETIME, (int) lifetime.toSeconds())
                .messageIntegrity(key)
                .fingerprintAndBuild();
    }

    private byte[] createPermission(long nowNanos, StunCodec.Message m, byte[] key, @Nullable Allocation allocation) {
        if (allocation == null) {
            return error(m, key, 437, "Allocation Mismatch");
        }
        Set<InetAddress> peers = new HashSet<>();
        for (StunCodec.Attribute a : m.attributes()) {
            if (a.type() == StunCodec.XOR_PEER_ADDRESS) {
                InetSocketAddress peer = StunCodec.decodeXorAddress(a.value(), m.transactionId());
                if (peer == null) {
                    return error(m, key, 400, "Bad Request");
                }
                peers.add(peer.getAddress());
            }
        }
        if (peers.isEmpty()) {
            return error(m, key, 400, "Bad Request");
        }
        for (InetAddress peer : peers) {
            allocation.permissions.put(peer, nowNanos + PERMISSION_NANOS);
        }
        return ok(StunCodec.CREATE_PERMISSION, m, key);
    }

    private byte[] channelBind(long nowNanos, StunCodec.Message m, byte[] key, @Nullable Allocation allocation) {
        if (allocation == null) {
            return error(m, key, 437, "Allocation Mismatch");
        }
        StunCodec.Attribute number = m.first(StunCodec.CHANNEL_NUMBER);
        InetSocketAddress peer = m.xorAddress(StunCodec.XOR_PEER_ADDRESS);
        int channel = number == null || number.value().length != 4 ? -1
                : ((number.value()[0] & 0xff) << 8) | (number.value()[1] & 0xff);
        // RFC 8656 §12.2: channel numbers 0x4000-0x4FFF; a channel and a peer are bound to each other only.
        if (peer == null || channel < 0x4000 || channel > 0x4FFF) {
            return error(m, key, 400, "Bad Request");
        }
        InetSocketAddress boundPeer = allocation.channelPeers.get(channel);
        Integer boundChannel = allocation.peerChannels.get(peer);
        if ((boundPeer != null && !boundPeer.equals(peer)) || (boundChannel != null && boundChannel != channel)) {
            return error(m, key, 400, "Bad Request");
        }
        allocation.channelPeers.put(channel, peer);
        allocation.peerChannels.put(peer, channel);
        allocation.channelExpiry.put(channel, nowNanos + CHANNEL_NANOS);
        allocation.permissions.put(peer.getAddress(), nowNanos + PERMISSION_NANOS);
        return ok(StunCodec.CHANNEL_BIND, m, key);
    }

    private boolean sendIndication(long nowNanos, InetSocketAddress client, StunCodec.Message m, Output out) {
        Allocation allocation = byClient.get(client);
        InetSocketAddress peer = m.xorAddress(StunCodec.XOR_PEER_ADDRESS);
        StunCodec.Attribute data = m.first(StunCodec.DATA_ATTR);
        if (allocation == null || peer == null || data == null) {
            rejected++;
            return true;
        }
        return relayToPeer(nowNanos, allocation, peer, data.value(), out);
    }

    private boolean fromClientChannelData(long nowNanos, Datagram datagram, Output out) {
        ByteBuffer p = datagram.payload();
        int channel = p.getShort(p.position()) & 0xffff;
        int length = p.getShort(p.position() + 2) & 0xffff;
        Allocation allocation = byClient.get(datagram.source());
        if (allocation == null || length > p.remaining() - 4) {
            rejected++;
            return true;
        }
        InetSocketAddress peer = allocation.channelPeers.get(channel);
        Long expiry = allocation.channelExpiry.get(channel);
        if (peer == null || expiry == null || expiry <= nowNanos) {
            rejected++;
            return true;
        }
        byte[] data = new byte[length];
        p.get(p.position() + 4, data);
        return relayToPeer(nowNanos, allocation, peer, data, out);
    }

    private boolean relayToPeer(long nowNanos, Allocation allocation, InetSocketAddress peer, byte[] data, Output out) {
        if (!allocation.permitted(peer.getAddress(), nowNanos)) {
            rejected++;
            return true;
        }
        relayedToPeers++;
        out.send(Datagram.of(allocation.relayAddress(), peer, data));
        return true;
    }

    /** RFC 8656 §11.3 and §12.4: data from a permitted peer goes to the client by channel or Data indication. */
    private boolean fromPeer(long nowNanos, Datagram datagram, Output out) {
        Allocation allocation = byRelayPort.get(datagram.destination().getPort());
        if (allocation == null) {
            return false;
        }
        InetSocketAddress peer = datagram.source();
        if (!allocation.permitted(peer.getAddress(), nowNanos)) {
            rejected++;
            return true;
        }
        byte[] data = datagram.bytes();
        Integer channel = allocation.peerChannels.get(peer);
        Long expiry = channel == null ? null : allocation.channelExpiry.get(channel);
        byte[] message;
        if (channel != null && expiry != null && expiry > nowNanos) {
            message = ByteBuffer.allocate(4 + ((data.length + 3) & ~3)).putShort((short) (int) channel)
                    .putShort((short) data.length).put(data).array();
        } else {
            byte[] transactionId = new byte[12];
            random.nextBytes(transactionId);
            message = new StunCodec.Builder(StunCodec.DATA, StunCodec.INDICATION, transactionId)
                    .xorAddress(StunCodec.XOR_PEER_ADDRESS, peer)
                    .attribute(StunCodec.DATA_ATTR, data)
                    .fingerprintAndBuild();
        }
        relayedToClients++;
        out.send(Datagram.of(address, allocation.client, message));
        return true;
    }

    private Duration requestedLifetime(StunCodec.Message m) {
        StunCodec.Attribute lifetime = m.first(StunCodec.LIFETIME);
        if (lifetime == null || lifetime.value().length != 4) {
            return DEFAULT_LIFETIME;
        }
        long seconds = ByteBuffer.wrap(lifetime.value()).getInt() & 0xffffffffL;
        if (seconds == 0) {
            return Duration.ZERO;
        }
        // RFC 8656 §7.2: the server uses the smaller of the request and its maximum, and at least the default.
        return Duration.ofSeconds(Math.min(Math.max(seconds, DEFAULT_LIFETIME.toSeconds()), MAX_LIFETIME.toSeconds()));
    }

    private byte[] challenge(StunCodec.Message m, int code, String reason) {
        rejected++;
        return new StunCodec.Builder(m.method(), StunCodec.ERROR, m.transactionId())
                .error(code, reason)
                .string(StunCodec.REALM, realm)
                .string(StunCodec.NONCE, nonce)
                .fingerprintAndBuild();
    }

    private byte[] error(StunCodec.Message m, byte[] key, int code, String reason) {
        rejected++;
        return new StunCodec.Builder(m.method(), StunCodec.ERROR, m.transactionId())
                .error(code, reason)
                .messageIntegrity(key)
                .fingerprintAndBuild();
    }

    private byte[] ok(int method, StunCodec.Message m, byte[] key) {
        return new StunCodec.Builder(method, StunCodec.SUCCESS, m.transactionId())
                .messageIntegrity(key)
                .fingerprintAndBuild();
    }

    private int allocatePort() {
        int port = FIRST_RELAY_PORT + random.nextInt(65536 - FIRST_RELAY_PORT);
        while (byRelayPort.containsKey(port) || port == address.getPort()) {
            port = port == 65535 ? FIRST_RELAY_PORT : port + 1;
        }
        return port;
    }

    private void expire(long nowNanos) {
        for (Iterator<Allocation> it = byClient.values().iterator(); it.hasNext(); ) {
            Allocation a = it.next();
            if (a.expiresNanos <= nowNanos) {
                it.remove();
                byRelayPort.remove(a.relayPort);
            }
        }
    }

    private void remove(Allocation allocation) {
        byClient.remove(allocation.client);
        byRelayPort.remove(allocation.relayPort);
    }

    private final class Allocation {
        final InetSocketAddress client;
        final int relayPort;
        final byte[] transactionId;
        long expiresNanos;
        final Map<InetAddress, Long> permissions = new HashMap<>();
        final Map<Integer, InetSocketAddress> channelPeers = new HashMap<>();
        final Map<InetSocketAddress, Integer> peerChannels = new HashMap<>();
        final Map<Integer, Long> channelExpiry = new HashMap<>();

        Allocation(InetSocketAddress client, int relayPort, byte[] transactionId, long expiresNanos) {
            this.client = client;
            this.relayPort = relayPort;
            this.transactionId = transactionId;
            this.expiresNanos = expiresNanos;
        }

        InetSocketAddress relayAddress() {
            return new InetSocketAddress(address.getAddress(), relayPort);
        }

        boolean permitted(InetAddress peer, long nowNanos) {
            Long expiry = permissions.get(peer);
            return expiry != null && expiry > nowNanos;
        }
    }
}
