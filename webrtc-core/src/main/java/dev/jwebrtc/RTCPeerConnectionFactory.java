package dev.jwebrtc;

import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.transport.EventLoops;
import dev.jwebrtc.transport.UdpMux;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link RTCPeerConnection}s and owns what they share: the Netty event loops (each connection is pinned to
 * one loop for its life), a DTLS certificate generated once (W3C lets connections share certificates; making one
 * takes about half a second), and the default {@link RTCSettings}.
 *
 * <p>Closing the factory closes every connection it made and stops its threads (named {@code jwebrtc-netty-*}).
 */
public final class RTCPeerConnectionFactory implements AutoCloseable {

    private final RTCSettings settings;
    private final EventLoops loops;
    private final Set<RTCPeerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Integer, UdpMux> sharedPorts = new ConcurrentHashMap<>();
    private volatile @Nullable DtlsCertificate certificate;
    private volatile boolean closed;

    private RTCPeerConnectionFactory(RTCSettings settings, int threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loops = EventLoops.create(threads);
    }

    /** A factory with the default settings and one event loop per core. */
    public static RTCPeerConnectionFactory create() {
        return create(RTCSettings.DEFAULT);
    }

    /** A factory with these default settings and one event loop per core. */
    public static RTCPeerConnectionFactory create(RTCSettings settings) {
        return new RTCPeerConnectionFactory(settings, Runtime.getRuntime().availableProcessors());
    }

    /** A factory with these default settings and {@code threads} event loops. */
    public static RTCPeerConnectionFactory create(RTCSettings settings, int threads) {
        return new RTCPeerConnectionFactory(settings, threads);
    }

    public RTCSettings settings() {
        return settings;
    }

    /** Creates a connection with the factory's settings. */
    public RTCPeerConnection createPeerConnection(RTCConfiguration configuration, RTCPeerConnection.Listener listener) {
        return createPeerConnection(configuration, settings, listener);
    }

    /** Creates a connection with its own settings. */
    public RTCPeerConnection createPeerConnection(RTCConfiguration configuration, RTCSettings connectionSettings,
            RTCPeerConnection.Listener listener) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(connectionSettings, "connectionSettings");
        if (closed) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the factory is closed");
        }
        List<InetAddress> addresses = hostAddresses(connectionSettings);
        if (addresses.isEmpty()) {
            throw new RTCException(RTCErrorType.OPERATION, "no local address to gather on (check bindAddresses and filters)");
        }
        DtlsCertificate identity = configuration.certificates().isEmpty()
                ? certificate() : configuration.certificates().get(0).dtls();
        RTCPeerConnection connection = new RTCPeerConnection(this, loops, configuration, connectionSettings,
                identity, addresses, listener);
        connections.add(connection);
        return connection;
    }

    /** The certificate every connection of this factory presents, generated on first use. */
    public DtlsCertificate certificate() {
        DtlsCertificate c = certificate;
        if (c == null) {
            synchronized (this) {
                c = certificate;
                if (c == null) {
                    c = DtlsCertificate.generate();
                    certificate = c;
                }
            }
        }
        return c;
    }

    /**
     * The shared UDP port {@code port} ({@link RTCSettings#sharedUdpPort()}), opened by the first connection that
     * asks for it and closed with the factory. Every connection of the factory that names the same port shares it.
     */
    UdpMux sharedPort(int port) {
        if (closed) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the factory is closed");
        }
        return sharedPorts.computeIfAbsent(port, p -> new UdpMux(loops, p));
    }

    void forget(RTCPeerConnection connection) {
        connections.remove(connection);
    }

    /** Closes every connection and stops the event loops; non-blocking and idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RTCPeerConnection connection : List.copyOf(connections)) {
            connection.close();
        }
        for (RTCPeerConnection connection : List.copyOf(connections)) {
            connection.closeFuture().join();
        }
        for (UdpMux mux : sharedPorts.values()) {
            mux.close();
        }
        sharedPorts.clear();
        loops.close();
    }

    /** The addresses to bind host candidates on: the configured ones, or every usable interface address. */
    static List<InetAddress> hostAddresses(RTCSettings settings) {
        if (!settings.bindAddresses().isEmpty()) {
            return settings.bindAddresses();
        }
        List<InetAddress> found = new ArrayList<>();
        List<InetAddress> loopback = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isVirtual() || !settings.interfaceFilter().test(nic.getName())) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    boolean usable = address instanceof Inet4Address
                            || (address instanceof Inet6Address && !address.isLinkLocalAddress());
                    if (!usable || !settings.addressFilter().test(address)) {
                        continue;
                    }
                    (address.isLoopbackAddress() ? loopback : found).add(address);
                }
            }
        } catch (SocketException e) {
            throw new RTCException(RTCErrorType.OPERATION, "cannot list network interfaces: " + e.getMessage(), e);
        }
        // Loopback only when nothing else exists (a test namespace, a machine without a network).
        return found.isEmpty() ? loopback : found;
    }
}
