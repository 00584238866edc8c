package dev.jwebrtc.transport;

import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.Username;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared-port mode (as Pion's {@code ICEUDPMux}): every peer connection of a factory sends and receives on one UDP
 * port per local address, and each received datagram is routed to its connection.
 *
 * <p>Routing (RFC 8445 §7.3: a Binding request names the receiver in USERNAME as {@code <receiver ufrag>:<sender
 * ufrag>}): a STUN Binding request goes to the connection whose current local ufrag is the USERNAME's first part,
 * and its source address is remembered for that connection; so is every address a connection sends to (its checks
 * may go out before the peer's, and the responses carry no USERNAME). A STUN response goes to the connection that
 * sent the request with its transaction ID (RFC 8489 §6.3: the response echoes it), which is how several connections
 * share one STUN server. Any other datagram (STUN indications, DTLS, SRTP) goes to the connection its source address
 * was remembered for. What matches nothing is counted and dropped.
 *
 * <p>Limitations: one remote address talks to one connection on the shared port (two shared-port peers connect once
 * per pair of ports, not many times); a TURN server gives one allocation per 5-tuple (RFC 8656 §2.2), so relayed
 * candidates work for one connection of a shared port only.
 *
 * <p>Threading: the sockets live on one event loop of the factory; the registry is concurrent because connections
 * (each on its own loop) register and leave. A routed datagram is retained and handed to the connection's loop,
 * which releases it after the core has read it. Sending is done by each connection directly on the shared
 * channel (Netty queues a write from another thread to the channel's loop).
 */
public final class UdpMux implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpMux.class);
    /** Remote addresses remembered per connection at most (a peer has a handful of candidates). */
    static final int MAX_ADDRESSES_PER_CONNECTION = 64;
    /** Outstanding STUN requests remembered at most; past this the oldest are forgotten wholesale (cleared). */
    static final int MAX_TRANSACTIONS = 8192;

    /** What the mux did with the datagrams it received. */
    public record Counters(long routedByUfrag, long routedByTransaction, long routedByAddress, long unknownDropped,
            int connections) {}

    private final EventLoops loops;
    private final EventLoop loop;
    private final int port;
    private final Map<InetAddress, Channel> channels = new LinkedHashMap<>();
    private final Map<String, CoreDriver<?>> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, CoreDriver<?>> byAddress = new ConcurrentHashMap<>();
    private final Map<CoreDriver<?>, Set<InetSocketAddress>> addressesOf = new ConcurrentHashMap<>();
    /** Transaction ID (12 bytes) of each STUN request sent through the port, until its response arrives. */
    private final Map<ByteBuffer, CoreDriver<?>> byTransaction = new ConcurrentHashMap<>();
    private final AtomicLong routedByUfrag = new AtomicLong();
    private final AtomicLong routedByTransaction = new AtomicLong();
    private final AtomicLong routedByAddress = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private volatile boolean closed;

    public UdpMux(EventLoops loops, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("shared UDP port must be 1..65535, got " + port);
        }
        this.loops = loops;
        this.loop = loops.next();
        this.port = port;
    }

    public int port() {
        return port;
    }

    /**
     * Binds the shared port on each of these addresses (once per address; later calls reuse the socket) and returns
     * the socket addresses. Blocks: call it off the event loops.
     *
     * @throws IllegalStateException when the port cannot be bound on an address, or the mux is closed
     */
    public synchronized List<InetSocketAddress> bind(List<InetAddress> addresses) {
        if (closed) {
            throw new IllegalStateException("the shared UDP port " + port + " is closed");
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress address : addresses) {
            Channel channel = channels.get(address);
            if (channel == null) {
                InetSocketAddress local = new InetSocketAddress(address, port);
                Bootstrap bootstrap = new Bootstrap()
                        .group(loop)
                        .channel(loops.datagramChannelClass())
                        .option(ChannelOption.SO_RCVBUF, 8 * 1024 * 1024)
                        .option(ChannelOption.SO_SNDBUF, 8 * 1024 * 1024)
                        .handler(new DatagramInbound("shared UDP port", this::onDatagram));
                try {
                    channel = bootstrap.bind(local).syncUninterruptibly().channel();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot bind the shared UDP port " + local + ": " + e.getMessage(),
                            e);
                }
                channels.put(address, channel);
                LOG.debug("shared UDP port bound on {}", channel.localAddress());
            }
            out.add((InetSocketAddress) channel.localAddress());
        }
        return out;
    }

    /** The socket bound on this address, for sending. */
    synchronized @Nullable Channel channel(InetSocketAddress local) {
        Channel c = channels.get(local.getAddress());
        return c != null && local.getPort() == port ? c : null;
    }

    /** Routes Binding requests naming {@code ufrag} to {@code driver} (several ufrags may lead to one driver). */
    void register(String ufrag, CoreDriver<?> driver) {
        CoreDriver<?> previous = byUfrag.putIfAbsent(ufrag, driver);
        if (previous != null && previous != driver) {
            // 24 random bits or more per ufrag (RFC 8839 §5.4): a clash is an accident, not an attack vector
            // worth more than a log line; the first connection keeps the name.
            LOG.warn("two connections on shared port {} have the same ICE ufrag; the second is unreachable", port);
        }
        addressesOf.computeIfAbsent(driver, d -> ConcurrentHashMap.newKeySet());
    }

    /** Forgets a connection: its ufrags and remote addresses. */
    void unregister(CoreDriver<?> driver) {
        byUfrag.values().removeIf(d -> d == driver);
        byTransaction.values().removeIf(d -> d == driver);
        Set<InetSocketAddress> addresses = addressesOf.remove(driver);
        if (addresses != null) {
            for (InetSocketAddress a : addresses) {
                byAddress.remove(a, driver);
            }
        }
    }

    /**
     * A connection sends a datagram through the port: when it is a STUN request, its response is routed back by
     * transaction ID. Called on the connection's loop; {@code datagram} is only read.
     */
    void sendingDatagram(ByteBuffer datagram, CoreDriver<?> driver) {
        int p = datagram.position();
        // RFC 8489 §5: class bits C1 (0x0100) and C0 (0x0010) both zero is a request.
        if (datagram.remaining() >= StunMessage.HEADER_LENGTH && (datagram.get(p) & 0xC0) == 0
                && (datagram.getShort(p) & 0x0110) == 0 && datagram.getInt(p + 4) == StunMessage.MAGIC_COOKIE) {
            if (byTransaction.size() >= MAX_TRANSACTIONS) {
                byTransaction.clear(); // unanswered requests pile up only under abuse; their retransmits re-enter
            }
            byTransaction.put(transactionId(datagram), driver);
        }
    }

    private static ByteBuffer transactionId(ByteBuffer stun) {
        byte[] id = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        stun.duplicate().position(stun.position() + 8).get(id);
        return ByteBuffer.wrap(id);
    }

    public Counters counters() {
        return new Counters(routedByUfrag.get(), routedByTransaction.get(), routedByAddress.get(), unknown.get(),
                addressesOf.size());
    }

    /** Closes the shared sockets (connections still using them can no longer send or receive). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ChannelFuture> closing = new ArrayList<>();
        for (Channel c : channels.values()) {
            closing.add(c.close());
        }
        channels.clear();
        for (ChannelFuture f : closing) {
            if (!loop.inEventLoop()) {
                f.awaitUninterruptibly(5_000);
            }
        }
    }

    private void onDatagram(DatagramPacket packet) {
        InetSocketAddress from = packet.sender();
        CoreDriver<?> target = responseTarget(packet.content());
        String ufrag = target == null ? requestedUfrag(packet.content()) : null;
        if (ufrag != null) {
            target = byUfrag.get(ufrag);
            if (target != null) {
                routedByUfrag.incrementAndGet();
                remember(from, target);
            }
        }
        if (target == null) {
            target = byAddress.get(from);
            if (target != null) {
                routedByAddress.incrementAndGet();
            }
        }
        if (target == null) {
            unknown.incrementAndGet();
            LOG.debug("datagram from unknown source on shared port {} dropped ({} bytes)", port,
                    packet.content().readableBytes());
            return;
        }
        target.deliver(packet.retain());
    }

    /** A connection sends to {@code to}: what comes back from there is its, unless another connection has it. */
    void sending(InetSocketAddress to, CoreDriver<?> driver) {
        if (!byAddress.containsKey(to)) {
            remember(to, driver, false);
        }
    }

    private void remember(InetSocketAddress from, CoreDriver<?> driver) {
        remember(from, driver, true);
    }

    private void remember(InetSocketAddress address, CoreDriver<?> driver, boolean authoritative) {
        Set<InetSocketAddress> known = addressesOf.get(driver);
        if (known == null) {
            return; // left meanwhile
        }
        if (known.contains(address) || known.size() < MAX_ADDRESSES_PER_CONNECTION) {
            known.add(address);
            if (authoritative) {
                byAddress.put(address, driver);
            } else {
                byAddress.putIfAbsent(address, driver);
            }
        }
    }

    /** The connection that sent the request this STUN response answers, or null (and forgets the request). */
    private @Nullable CoreDriver<?> responseTarget(ByteBuf content) {
        int r = content.readerIndex();
        if (content.readableBytes() < StunMessage.HEADER_LENGTH || (content.getByte(r) & 0xC0) != 0
                || (content.getShort(r) & 0x0100) == 0 || content.getInt(r + 4) != StunMessage.MAGIC_COOKIE) {
            return null; // not a success (0x0100) or error (0x0110) response
        }
        byte[] id = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        content.getBytes(r + 8, id);
        CoreDriver<?> target = byTransaction.remove(ByteBuffer.wrap(id));
        if (target != null) {
            routedByTransaction.incrementAndGet();
        }
        return target;
    }

    /** The receiver's ufrag from a Binding request's USERNAME ({@code <receiver>:<sender>}), or null. */
    private static @Nullable String requestedUfrag(ByteBuf content) {
        // RFC 7983 §7: STUN starts with 0 or 1; the cheap header checks come before any decoding.
        if (content.readableBytes() < StunMessage.HEADER_LENGTH || (content.getByte(content.readerIndex()) & 0xC0) != 0
                || content.getInt(content.readerIndex() + 4) != StunMessage.MAGIC_COOKIE) {
            return null;
        }
        ByteBuffer view = content.nioBufferCount() == 1 ? content.nioBuffer()
                : ByteBuffer.wrap(io.netty.buffer.ByteBufUtil.getBytes(content));
        Optional<StunMessage> message = StunMessage.decode(view);
        if (message.isEmpty() || message.get().method() != StunMethod.BINDING
                || message.get().messageClass() != StunClass.REQUEST) {
            return null;
        }
        Optional<Username> username = message.get().attribute(Username.class);
        if (username.isEmpty()) {
            return null;
        }
        String value = username.get().value();
        int colon = value.indexOf(':');
        return colon <= 0 ? null : value.substring(0, colon);
    }
}
