package dev.jwebrtc.transport;

import dev.jwebrtc.engine.SansIoCore;
import dev.jwebrtc.engine.Transmit;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sans-IO core on one Netty event loop over one or more UDP sockets: the only place where a core meets
 * real time, real sockets and a real thread.
 *
 * <p>Every interaction with the core happens on the driver's event loop, so the core needs no locks: received
 * datagrams, the single timer (re-armed to {@link SansIoCore#pollTimeout()} after every input), and user calls
 * submitted through {@link #execute(Runnable)}. After each input the driver drains transmits (written, then
 * flushed once) and events (handed to the event sink, in order, on the loop thread).
 *
 * <p>An exception out of the core is a bug in the core: the driver logs it at ERROR, reports it to
 * {@code onFailure}, and closes itself so that a broken core cannot spin.
 */
public final class CoreDriver<E> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoreDriver.class);

    private final EventLoops loops;
    private final EventLoop loop;
    private @Nullable SansIoCore<E> core;
    private final Consumer<? super E> eventSink;
    private final Consumer<Throwable> onFailure;
    private Runnable afterDrain = () -> { };
    private final Map<InetSocketAddress, Channel> channels = new HashMap<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

    private @Nullable ScheduledFuture<?> timer;
    private long timerDeadline = Long.MAX_VALUE;
    private boolean closed;
    /** Incremented by write listeners, which run on a shared channel's loop in shared-port mode. */
    private final LongAdder sendFailures = new LongAdder();
    private @Nullable MdnsSockets mdns;
    private long mdnsUnavailable;
    private @Nullable UdpMux mux;
    private @Nullable Supplier<String> muxUfrag;
    private @Nullable String registeredUfrag;
    private final Set<Channel> borrowed = new HashSet<>();
    private final Set<InetSocketAddress> muxDestinations = new HashSet<>();

    /**
     * @param eventSink receives every event on the loop thread; it must not block
     * @param onFailure receives an exception that escaped the core (a bug), after which the driver is closed
     */
    public CoreDriver(EventLoops loops, SansIoCore<E> core, Consumer<? super E> eventSink, Consumer<Throwable> onFailure) {
        this(loops, eventSink, onFailure);
        this.core = core;
    }

    /**
     * A driver whose core comes later ({@link #attach}), for cores that need the bound sockets and the driver's
     * wakeup to be built. Datagrams that arrive before are dropped.
     */
    public CoreDriver(EventLoops loops, Consumer<? super E> eventSink, Consumer<Throwable> onFailure) {
        this.loops = loops;
        this.loop = loops.next();
        this.eventSink = eventSink;
        this.onFailure = onFailure;
    }

    /** Sets the core (once), on the loop. */
    public void attach(SansIoCore<E> newCore) {
        execute(() -> {
            if (core != null) {
                throw new IllegalStateException("a core is attached already");
            }
            core = newCore;
        });
    }

    /**
     * Gives the core an mDNS socket per interface of these host addresses ({@link MdnsSockets}): transmits whose
     * source is {@code 0.0.0.0:5353} go to the group 224.0.0.251:5353, and what the sockets receive reaches the core
     * with that group as its {@code to} address. The sockets open on the first such transmit, or at once when
     * {@code openNow} (a core that hides its addresses behind names must answer queries from the start). Without
     * this call mDNS transmits are dropped and counted ({@link #mdnsCounters()}).
     */
    public void enableMdns(List<InetAddress> hostAddresses, boolean openNow) {
        List<NetworkInterface> interfaces = MdnsSockets.interfacesOf(hostAddresses);
        execute(() -> {
            if (mdns == null) {
                mdns = new MdnsSockets(loops, loop, interfaces, this::onMdnsDatagram);
            }
            if (openNow) {
                mdns.open();
            }
        });
    }

    /**
     * Uses a factory's shared UDP port ({@link UdpMux}) instead of sockets of its own: {@code sockets} (from
     * {@link UdpMux#bind}) become the driver's sources, and the mux routes to this driver the Binding requests that
     * name the ufrag {@code localUfrag} returns (read on the loop after every drain, so an ICE restart's new ufrag is
     * registered at once) and everything from the remote addresses those requests came from.
     */
    public void joinMux(UdpMux sharedPort, List<InetSocketAddress> sockets, Supplier<String> localUfrag) {
        execute(() -> {
            if (mux != null) {
                throw new IllegalStateException("the driver already uses a shared port");
            }
            mux = sharedPort;
            muxUfrag = localUfrag;
            for (InetSocketAddress s : sockets) {
                Channel c = sharedPort.channel(s);
                if (c == null) {
                    throw new IllegalArgumentException(s + " is not bound by the shared port " + sharedPort.port());
                }
                channels.put(s, c);
                borrowed.add(c);
            }
            refreshMuxUfrag();
        });
    }

    /** A datagram the shared port routed here; retained for the hand-over, released here. Any thread. */
    void deliver(DatagramPacket retained) {
        try {
            loop.execute(() -> {
                try {
                    receive(retained, retained.recipient());
                } finally {
                    retained.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            retained.release(); // the loop is shutting down
        }
    }

    private void refreshMuxUfrag() {
        UdpMux m = mux;
        Supplier<String> ufrag = muxUfrag;
        if (m == null || ufrag == null) {
            return;
        }
        String current = ufrag.get();
        if (!current.equals(registeredUfrag)) {
            registeredUfrag = current;
            m.register(current, this);
        }
    }

    /** What went through the mDNS sockets; counted on the loop, read anywhere (a snapshot, for stats and tests). */
    public record MdnsCounters(boolean open, long sent, long received, long dropped) {}

    /** The mDNS counters, read on the loop. */
    public CompletableFuture<MdnsCounters> mdnsCounters() {
        CompletableFuture<MdnsCounters> result = new CompletableFuture<>();
        loop.execute(() -> {
            MdnsSockets m = mdns;
            result.complete(m == null ? new MdnsCounters(false, 0, 0, mdnsUnavailable)
                    : new MdnsCounters(m.isOpen(), m.sent(), m.received(), m.dropped() + mdnsUnavailable));
        });
        return result;
    }

    /** Runs after every drain of the core, on the loop (to refresh state derived from the core). */
    public void setAfterDrain(Runnable action) {
        this.afterDrain = java.util.Objects.requireNonNull(action, "action");
    }

    /** Asks the loop to drain the core: for output that appeared without an input (the DTLS handshake thread). */
    public void wakeup() {
        execute(() -> { });
    }

    /** The loop that owns the core. */
    public EventLoop eventLoop() {
        return loop;
    }

    /**
     * Binds a UDP socket on {@code address} (port 0 for any), or on the first free port of {@code [minPort, maxPort]}
     * when the address's port is 0 and a range is given, and returns the bound address. Call from any thread
     * but the loop's.
     */
    public InetSocketAddress bind(InetSocketAddress address, int minPort, int maxPort) {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("bind blocks: call it off the event loop");
        }
        if (address.getPort() != 0 || minPort == 0) {
            return bindExactly(address);
        }
        if (minPort < 1 || maxPort > 65535 || minPort > maxPort) {
            throw new IllegalArgumentException("bad port range " + minPort + ".." + maxPort);
        }
        RuntimeException last = null;
        for (int port = minPort; port <= maxPort; port++) {
            try {
                return bindExactly(new InetSocketAddress(address.getAddress(), port));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no free UDP port in " + minPort + ".." + maxPort + " on "
                + address.getAddress().getHostAddress(), last);
    }

    private InetSocketAddress bindExactly(InetSocketAddress address) {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(loops.datagramChannelClass())
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024)
                .handler(new DatagramInbound("UDP channel", this::onDatagram));
        Channel channel;
        try {
            channel = bootstrap.bind(address).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind UDP " + address + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
        loop.execute(() -> {
            if (closed) {
                channel.close();
            } else {
                channels.put(bound, channel);
            }
        });
        return bound;
    }

    /** Runs {@code action} on the loop (a user call into the core), then drains and re-arms the timer. */
    public void execute(Runnable action) {
        loop.execute(() -> {
            if (closed) {
                return;
            }
            try {
                action.run();
                afterInput();
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    /** Datagrams the sockets refused to send (counted, never thrown). */
    public long sendFailures() {
        return sendFailures.sum();
    }

    /** Completes when the driver has closed its sockets. */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Closes the sockets and cancels the timer; idempotent, non-blocking. */
    @Override
    public void close() {
        loop.execute(this::closeOnLoop);
    }

    private void closeOnLoop() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.cancel(false);
        }
        List<io.netty.channel.ChannelFuture> closing = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (!borrowed.contains(c)) {
                closing.add(c.close());
            }
        }
        channels.clear();
        if (mux != null) {
            mux.unregister(this);
        }
        if (mdns != null) {
            closing.addAll(mdns.close());
        }
        if (closing.isEmpty()) {
            closeFuture.complete(null);
            return;
        }
        int[] left = {closing.size()};
        for (io.netty.channel.ChannelFuture f : closing) {
            f.addListener(x -> {
                if (--left[0] == 0) {
                    closeFuture.complete(null);
                }
            });
        }
    }

    private void onDatagram(DatagramPacket packet) {
        receive(packet, packet.recipient());
    }

    /** A datagram from an mDNS socket: the core sees it addressed to the group, whatever the socket is bound to. */
    private void onMdnsDatagram(DatagramPacket packet) {
        receive(packet, MdnsSockets.GROUP);
    }

    private void receive(DatagramPacket packet, InetSocketAddress to) {
        SansIoCore<E> core = this.core;
        if (closed || core == null) {
            return;
        }
        try {
            ByteBuf content = packet.content();
            ByteBuffer borrowed = content.nioBufferCount() == 1
                    ? content.nioBuffer() : ByteBuffer.wrap(io.netty.buffer.ByteBufUtil.getBytes(content));
            if (LOG.isTraceEnabled()) {
                LOG.trace("received {} bytes {} -> {}", borrowed.remaining(), packet.sender(), to);
            }
            core.handleReceive(System.nanoTime(), packet.sender(), to, borrowed);
            afterInput();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void onTimer() {
        timer = null;
        timerDeadline = Long.MAX_VALUE;
        SansIoCore<E> core = this.core;
        if (closed || core == null) {
            return;
        }
        try {
            core.handleTimeout(System.nanoTime());
            afterInput();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void afterInput() {
        SansIoCore<E> core = this.core;
        if (core == null) {
            return;
        }
        boolean wrote = false;
        while (true) {
            Transmit out = core.pollTransmit();
            E event = core.pollEvent();
            if (out == null && event == null) {
                break;
            }
            if (out != null) {
                wrote |= write(out);
            }
            if (event != null) {
                eventSink.accept(event);
            }
            if (closed) {
                return;
            }
        }
        if (wrote) {
            for (Channel c : channels.values()) {
                c.flush();
            }
        }
        afterDrain.run();
        refreshMuxUfrag();
        rearm(core.pollTimeout());
    }

    private boolean write(Transmit out) {
        if (out.source().equals(MdnsSockets.AGENT_SOURCE)) {
            if (mdns != null) {
                mdns.send(out.payload()); // flushed at once: mDNS traffic is rare
            } else {
                mdnsUnavailable++;
                LOG.debug("mDNS is disabled; datagram to {} dropped", out.destination());
            }
            return false;
        }
        Channel channel = channels.get(out.source());
        if (mux != null && channel != null && borrowed.contains(channel)) {
            if (muxDestinations.add(out.destination())) {
                mux.sending(out.destination(), this); // once per destination: what comes back from there is ours
            }
            mux.sendingDatagram(out.payload(), this);
        }
        if (channel == null) {
            sendFailures.increment();
            LOG.debug("no socket bound on {}; datagram to {} dropped", out.source(), out.destination());
            return false;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("sending {} bytes {} -> {}", out.payload().remaining(), out.source(), out.destination());
        }
        channel.write(new DatagramPacket(Unpooled.wrappedBuffer(out.payload()), out.destination()))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        sendFailures.increment();
                        LOG.debug("send to {} failed: {}", out.destination(), f.cause().toString());
                    }
                });
        return true;
    }

    /**
     * Arms the timer for {@code deadline}, unless one is armed for the same time or earlier: that one fires first and
     * re-arms then (a core ignores a timeout that is not yet due). This keeps the per-datagram cost of a deadline
     * that moves with every packet (retransmission timers) to a comparison instead of a cancel and a schedule.
     */
    private void rearm(long deadline) {
        if (timer != null && timerDeadline <= deadline) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerDeadline = deadline;
        if (deadline != Long.MAX_VALUE) {
            // Compare before subtracting: a deadline far in the past (even Long.MIN_VALUE) means "now".
            long now = System.nanoTime();
            long delay = deadline <= now ? 0 : deadline - now;
            if (delay < 0) {
                delay = Long.MAX_VALUE; // overflow: so far ahead it is never
            }
            timer = loop.schedule(this::onTimer, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void fail(RuntimeException e) {
        LOG.error("core failed; closing its transport (this is a bug in the core)", e);
        closeOnLoop();
        onFailure.accept(e);
    }
}
