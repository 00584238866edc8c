package dev.jwebrtc.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.StandardSocketOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loops of a factory: epoll where its native library loads, NIO otherwise. Threads are daemons named
 * {@code jwebrtc-netty-<n>}. Each peer connection is pinned to one loop for its whole life ({@link #next()}).
 */
public final class EventLoops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

    private final MultiThreadIoEventLoopGroup group;
    private final boolean epoll;

    private EventLoops(int threads, boolean preferEpoll) {
        this.epoll = preferEpoll && Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("jwebrtc-netty", true), handlers);
        LOG.debug("{} event loop(s), {}", threads, epoll ? "epoll" : "nio");
    }

    /** Event loops with {@code threads} threads (at least one), epoll when available. */
    public static EventLoops create(int threads) {
        return new EventLoops(Math.max(1, threads), true);
    }

    /** Event loops with {@code threads} threads on NIO, whatever the platform offers. */
    public static EventLoops createNio(int threads) {
        return new EventLoops(Math.max(1, threads), false);
    }

    /** The next loop, round robin. */
    public EventLoop next() {
        return (EventLoop) group.next();
    }

    public boolean isEpoll() {
        return epoll;
    }

    Class<? extends DatagramChannel> datagramChannelClass() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /** An unbound IPv4 datagram channel (multicast needs the family fixed before the group is joined). */
    DatagramChannel newIpv4DatagramChannel() {
        return epoll ? new EpollDatagramChannel(SocketProtocolFamily.INET)
                : new NioDatagramChannel(SocketProtocolFamily.INET);
    }

    /**
     * Options a shared multicast port needs beyond {@code SO_REUSEADDR}: {@code SO_REUSEPORT} where the platform has
     * it (BSD and macOS need it to share a port), and on Linux {@code IP_MULTICAST_ALL} off, so that a socket hears
     * only the groups it joined itself, on the interface it joined them on.
     */
    void multicastOptions(Bootstrap bootstrap) {
        if (epoll) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
            bootstrap.option(EpollChannelOption.IP_MULTICAST_ALL, false);
        } else if (NIO_REUSE_PORT) {
            bootstrap.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
        }
    }

    private static final boolean NIO_REUSE_PORT = nioSupportsReusePort();

    private static boolean nioSupportsReusePort() {
        try (java.nio.channels.DatagramChannel probe = java.nio.channels.DatagramChannel.open()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Starts shutting down and returns at once; the threads end shortly after (within a second when idle). */
    @Override
    public void close() {
        shutdown();
    }

    /** Starts shutting down; the future completes when every thread has ended. */
    public Future<?> shutdown() {
        return group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
