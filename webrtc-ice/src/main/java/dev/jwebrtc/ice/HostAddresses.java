package dev.jwebrtc.ice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which local addresses become host candidates (RFC 8445 §5.1.1.1): the driver lists its interface addresses,
 * this class applies the configured policy, the driver binds one UDP socket per chosen address and passes the
 * bound sockets to {@link IceAgent#gather}.
 */
public final class HostAddresses {

    /** One address of one network interface. */
    public record Entry(String interfaceName, InetAddress address) {
        public Entry {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(address, "address");
        }
    }

    private HostAddresses() {
    }

    /**
     * The addresses to bind, in preference order: IPv6 before IPv4 (RFC 8421 §4), the caller's order otherwise.
     * Skipped: wildcard and multicast addresses, loopback unless {@link IceConfig#includeLoopback()}, IPv6 unless
     * {@link IceConfig#includeIpv6()}, link-local IPv6, interfaces the {@link IceConfig#interfaceFilter()} rejects and
     * addresses the {@link IceConfig#addressFilter()} rejects.
     */
    public static List<InetAddress> select(IceConfig config, List<Entry> entries) {
        List<InetAddress> v6 = new ArrayList<>();
        List<InetAddress> v4 = new ArrayList<>();
        for (Entry e : entries) {
            InetAddress ip = e.address();
            if (!config.interfaceFilter().test(e.interfaceName()) || !usable(config, ip)) {
                continue;
            }
            List<InetAddress> list = ip instanceof Inet6Address ? v6 : v4;
            if (!list.contains(ip)) {
                list.add(ip);
            }
        }
        List<InetAddress> out = new ArrayList<>(v6);
        out.addAll(v4);
        return List.copyOf(out);
    }

    /** The address-level part of the policy ({@link IceAgent#gather} applies it to the bound sockets too). */
    public static boolean usable(IceConfig config, InetAddress ip) {
        if (ip.isAnyLocalAddress() || ip.isMulticastAddress()) {
            return false;
        }
        if (ip.isLoopbackAddress() && !config.includeLoopback()) {
            return false;
        }
        if (ip instanceof Inet6Address && (!config.includeIpv6() || ip.isLinkLocalAddress())) {
            return false;
        }
        return config.addressFilter().test(ip);
    }

    /** The addresses of the interfaces that are up, as the operating system reports them. */
    public static List<Entry> ofSystem() {
        List<Entry> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    out.add(new Entry(ni.getName(), a));
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces", e);
        }
        return List.copyOf(out);
    }
}
