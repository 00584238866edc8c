package dev.jwebrtc.ice.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Log-safe forms of addresses: the project logs no full IP address (STYLE.md). IPv4 keeps its first two octets,
 * IPv6 its first two groups, names only their domain; ports stay, they are needed to follow a flow.
 */
final class Redacted {

    private Redacted() {
    }

    /** A lazily formatted wrapper for SLF4J arguments; anything but an address passes through. */
    static Object of(Object value) {
        if (value instanceof InetSocketAddress a) {
            return new Object() {
                @Override
                public String toString() {
                    return address(a);
                }
            };
        }
        if (value instanceof CandidatePair p) {
            return new Object() {
                @Override
                public String toString() {
                    return p.local.type().sdpName() + " " + address(p.local.address()) + " <-> "
                            + p.remote.type().sdpName() + " " + address(p.remote.address()) + " " + p.state;
                }
            };
        }
        return value;
    }

    static String address(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        String host;
        if (ip == null) {
            String name = a.getHostString();
            int dot = name.indexOf('.');
            host = dot >= 0 ? "*" + name.substring(dot) : "*";
        } else {
            byte[] b = ip.getAddress();
            host = b.length == 4 ? (b[0] & 0xFF) + "." + (b[1] & 0xFF) + ".x.x"
                    : String.format("%x:%x:x::x", ((b[0] & 0xFF) << 8) | (b[1] & 0xFF),
                            ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        }
        return host + ":" + a.getPort();
    }
}
