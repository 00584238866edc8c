package dev.jwebrtc.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mDNS sockets of one peer connection (RFC 6762; draft-ietf-mmusic-mdns-ice-candidates): one UDP socket per
 * network interface that carries an IPv4 host candidate, bound to port 5353 with address reuse (other responders,
 * and other peer connections, listen there too), joined to 224.0.0.251 on that interface, sending on that interface
 * only, with multicast loopback on so that peers on the same host hear each other.
 *
 * <p>The ICE agent asks for an mDNS datagram by giving {@link #AGENT_SOURCE} ({@code 0.0.0.0:5353}) as a transmit's
 * source; such a datagram goes out on every socket. Datagrams received on the sockets go back to the core with
 * {@link #GROUP} as their {@code to} address, which is how the agent tells them from ICE traffic.
 *
 * <p>Sockets open lazily, on the first mDNS transmit (a remote {@code .local} candidate to resolve), unless
 * {@link #open()} is called early (when local names must be answered from the start). Opening is asynchronous on
 * the event loop; transmits wait in a small queue meanwhile. When no socket can be opened (port 5353 held without
 * reuse, no multicast on the interface) mDNS datagrams are dropped and counted: ICE still works with the peer's
 * other candidates and with peer-reflexive ones.
 *
 * <p>Confined to the owning driver's event loop; every method must be called there.
 */
final class MdnsSockets {

    private static final Logger LOG = LoggerFactory.getLogger(MdnsSockets.class);

    /** The IPv4 mDNS group and port (RFC 6762 §3). */
    static final InetSocketAddress GROUP = address(new byte[] {(byte) 224, 0, 0, (byte) 251}, 5353);
    /** The transmit source by which the ICE agent means "send from the mDNS socket". */
    static final InetSocketAddress AGENT_SOURCE = address(new byte[] {0, 0, 0, 0}, 5353);
    private static final int MAX_QUEUED = 16;
    /** RFC 6762 §11: mDNS datagrams go out with IP TTL 255 (224.0.0.0/24 is never forwarded off the link). */
    private static final int TTL = 255;

    private enum State { IDLE, OPENING, OPEN, FAILED, CLOSED }

    private final EventLoops loops;
    private final EventLoop loop;
    private final List<NetworkInterface> interfaces;
    private final Consumer<DatagramPacket> receiver;
    private final List<Channel> open = new ArrayList<>();
    private final List<Channel> created = new ArrayList<>();
    private final ArrayDeque<ByteBuffer> queued = new ArrayDeque<>();
    private State state = State.IDLE;
    private int opening;
    private long sent;
    private long received;
    private long dropped;

    /**
     * @param interfaces the interfaces to join the group on and send from
     * @param receiver takes each received datagram on the loop (borrowed for the call)
     */
    MdnsSockets(EventLoops loops, EventLoop loop, List<NetworkInterface> interfaces,
            Consumer<DatagramPacket> receiver) {
        this.loops = loops;
        this.loop = loop;
        this.interfaces = List.copyOf(interfaces);
        this.receiver = receiver;
    }

    private static InetSocketAddress address(byte[] ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The interfaces that hold these IPv4 host addresses, each once, in order. */
    static List<NetworkInterface> interfacesOf(List<InetAddress> hostAddresses) {
        Set<NetworkInterface> found = new LinkedHashSet<>();
        for (InetAddress a : hostAddresses) {
            if (!(a instanceof Inet4Address)) {
                continue; // the agent queries the IPv4 group only
            }
            try {
                NetworkInterface nic = NetworkInterface.getByInetAddress(a);
                if (nic != null && nic.isUp()) {
                    found.add(nic);
                }
            } catch (SocketException e) {
                LOG.debug("no interface for host address {}: {}", a, e.toString());
            }
        }
        return List.copyOf(found);
    }

    /** Opens the sockets now (asynchronously) rather than on the first transmit. */
    void open() {
        if (state != State.IDLE) {
            return;
        }
        if (interfaces.isEmpty()) {
            state = State.FAILED;
            LOG.debug("mDNS unavailable: no IPv4 host interface to join {} on", GROUP);
            return;
        }
        state = State.OPENING;
        opening = interfaces.size();
        for (NetworkInterface nic : interfaces) {
            bind(nic, GROUP, true);
        }
    }

    private void bind(NetworkInterface nic, InetSocketAddress bindTo, boolean wildcardNext) {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(loops::newIpv4DatagramChannel)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.IP_MULTICAST_IF, nic)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .option(ChannelOption.IP_MULTICAST_TTL, TTL)
                .handler(new DatagramInbound("mDNS socket", packet -> {
                    if (state == State.OPEN || state == State.OPENING) {
                        received++;
                        receiver.accept(packet);
                    }
                }));
        loops.multicastOptions(bootstrap);
        // Bound to the group address (Linux, BSD): only the group's datagrams arrive. Some systems refuse
        // a multicast bind address; then the wildcard on port 5353 serves.
        ChannelFuture bound = bootstrap.bind(bindTo);
        created.add(bound.channel());
        bound.addListener(f -> {
            if (state == State.CLOSED) {
                bound.channel().close();
            } else if (!f.isSuccess()) {
                bound.channel().close();
                if (wildcardNext) {
                    bind(nic, AGENT_SOURCE, false);
                } else {
                    LOG.debug("mDNS socket on {} not opened: {}", nic.getName(), f.cause().toString());
                    opened(null);
                }
            } else {
                join(nic, bound.channel());
            }
        });
    }

    private void join(NetworkInterface nic, Channel channel) {
        ((DatagramChannel) channel).joinGroup(GROUP, nic).addListener(f -> {
            if (state == State.CLOSED) {
                channel.close();
            } else if (f.isSuccess()) {
                LOG.debug("mDNS socket {} joined {} on {}", channel.localAddress(), GROUP, nic.getName());
                opened(channel);
            } else {
                LOG.debug("mDNS group not joined on {}: {}", nic.getName(), f.cause().toString());
                channel.close();
                opened(null);
            }
        });
    }

    private void opened(@Nullable Channel channel) {
        if (channel != null) {
            open.add(channel);
        }
        if (--opening > 0) {
            return;
        }
        state = open.isEmpty() ? State.FAILED : State.OPEN;
        while (!queued.isEmpty()) {
            send(queued.poll());
        }
    }

    /** Sends one mDNS datagram out of every socket; the payload is not kept beyond the call. */
    void send(ByteBuffer payload) {
        switch (state) {
            case OPEN -> {
                for (Channel c : open) {
                    c.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(payload.duplicate()), GROUP))
                            .addListener(f -> {
                                if (!f.isSuccess()) {
                                    dropped++;
                                    LOG.debug("mDNS send failed: {}", f.cause().toString());
                                }
                            });
                }
                sent++;
            }
            case IDLE, OPENING -> {
                if (queued.size() < MAX_QUEUED) {
                    queued.add(ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip());
                } else {
                    dropped++;
                }
                open();
            }
            case FAILED, CLOSED -> dropped++;
        }
    }

    /** Whether at least one socket is open and joined. */
    boolean isOpen() {
        return state == State.OPEN;
    }

    long sent() {
        return sent;
    }

    long received() {
        return received;
    }

    long dropped() {
        return dropped;
    }

    /** Closes every socket, opened or still opening; returns their close futures. */
    List<ChannelFuture> close() {
        state = State.CLOSED;
        dropped += queued.size();
        queued.clear();
        List<ChannelFuture> closing = new ArrayList<>();
        for (Channel c : created) {
            closing.add(c.close());
        }
        created.clear();
        open.clear();
        return closing;
    }
}
