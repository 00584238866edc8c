package dev.jwebrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One ICE candidate as signalled (RFC 8445 §5.1, RFC 8839 §5.1 grammar).
 *
 * <p>An address given as a name (an mDNS {@code <uuid>.local} name, RFC 8839 allows FQDNs) is kept as an
 * unresolved {@link InetSocketAddress}; parsing never does a DNS lookup.
 *
 * @param foundation 1..32 ice-chars
 * @param component component ID, 1..256 (WebRTC with rtcp-mux uses 1)
 * @param transport "udp" (TCP candidates, RFC 6544, are parsed and kept but never paired)
 * @param priority 1..2^31-1
 * @param address the transport address
 * @param type host, srflx, prflx or relay
 * @param relatedAddress raddr/rport, or {@code null}
 * @param extensions the extension attributes after the related address, in order (e.g. generation, ufrag)
 */
public record IceCandidate(String foundation, int component, String transport, long priority,
        InetSocketAddress address, CandidateType type, @Nullable InetSocketAddress relatedAddress,
        List<Extension> extensions) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern FOUNDATION = Pattern.compile("[A-Za-z0-9+/]{1,32}");

    /** One extension attribute ({@code name value}). */
    public record Extension(String name, String value) {
        public Extension {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (!FOUNDATION.matcher(foundation).matches()) {
            throw new IllegalArgumentException("candidate foundation must be 1..32 ice-chars: '" + foundation + "'");
        }
        if (component < 1 || component > 256) {
            throw new IllegalArgumentException("candidate component must be 1..256: " + component);
        }
        if (priority < 1 || priority > 0x7FFF_FFFFL) {
            throw new IllegalArgumentException("candidate priority must be 1..2^31-1: " + priority);
        }
        transport = transport.toLowerCase(Locale.ROOT);
        extensions = List.copyOf(extensions);
    }

    /** A candidate without extensions. */
    public IceCandidate(String foundation, int component, long priority, InetSocketAddress address, CandidateType type,
            @Nullable InetSocketAddress relatedAddress) {
        this(foundation, component, "udp", priority, address, type, relatedAddress, List.of());
    }

    /** RFC 8445 §5.1.2.1: priority = 2^24 * type preference + 2^8 * local preference + (256 - component). */
    public static long priority(int typePreference, int localPreference, int component) {
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - component);
    }

    /** Whether the address is a name (e.g. mDNS {@code .local}) rather than an IP literal. */
    public boolean isNamed() {
        return address.isUnresolved();
    }

    /** The attribute value, without "a=": {@code candidate:<foundation> 1 udp <priority> <ip> <port> typ <type> ...}. */
    public String toSdpAttribute() {
        StringBuilder b = new StringBuilder("candidate:");
        b.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(host(address)).append(' ').append(address.getPort())
                .append(" typ ").append(type.sdpName());
        if (relatedAddress != null) {
            b.append(" raddr ").append(host(relatedAddress)).append(" rport ").append(relatedAddress.getPort());
        }
        for (Extension e : extensions) {
            b.append(' ').append(e.name()).append(' ').append(e.value());
        }
        return b.toString();
    }

    /**
     * Parses a candidate attribute (with or without {@code a=} and {@code candidate:}).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static IceCandidate parse(String attribute) {
        String s = attribute.trim();
        if (s.startsWith("a=")) {
            s = s.substring(2);
        }
        if (s.startsWith("candidate:")) {
            s = s.substring("candidate:".length());
        }
        String[] f = s.split(" +");
        if (f.length < 8) {
            throw new IllegalArgumentException("candidate needs at least 8 fields, got " + f.length + ": " + attribute);
        }
        int component = parseInt(f[1], "component", attribute);
        long priority = parseLong(f[3], "priority", attribute);
        InetSocketAddress address = address(f[4], parseInt(f[5], "port", attribute), attribute);
        if (!f[6].equals("typ")) {
            throw new IllegalArgumentException("candidate field 7 must be 'typ': " + attribute);
        }
        CandidateType type = CandidateType.ofSdpName(f[7])
                .orElseThrow(() -> new IllegalArgumentException("unknown candidate type '" + f[7] + "': " + attribute));
        String raddr = null;
        int rport = -1;
        List<Extension> ext = new ArrayList<>();
        for (int i = 8; i < f.length; i += 2) {
            if (i + 1 >= f.length) {
                throw new IllegalArgumentException("candidate extension '" + f[i] + "' has no value: " + attribute);
            }
            switch (f[i]) {
                case "raddr" -> raddr = f[i + 1];
                case "rport" -> rport = parseInt(f[i + 1], "rport", attribute);
                default -> ext.add(new Extension(f[i], f[i + 1]));
            }
        }
        InetSocketAddress related = raddr != null && rport >= 0 ? address(raddr, rport, attribute) : null;
        try {
            return new IceCandidate(f[0], component, f[2], priority, address, type, related, ext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + attribute, e);
        }
    }

    private static String host(InetSocketAddress a) {
        if (a.isUnresolved()) {
            return a.getHostString();
        }
        byte[] ip = a.getAddress().getAddress();
        return ip.length == 4 ? a.getAddress().getHostAddress() : ipv6Text(ip);
    }

    /** RFC 5952 §4: the canonical text form (longest run of two or more zero groups as "::", lower case). */
    static String ipv6Text(byte[] ip) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((ip[2 * i] & 0xFF) << 8) | (ip[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    /** An IP literal becomes a resolved address without any lookup; anything else stays unresolved. */
    static InetSocketAddress address(String host, int port, String context) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range " + port + ": " + context);
        }
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port); // a literal: no DNS query
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bad IP address '" + host + "': " + context, e);
            }
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int parseInt(String s, String what, String context) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("candidate " + what + " is not a number '" + s + "': " + context, e);
        }
    }

    private static long parseLong(String s, String what, String context) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("candidate " + what + " is not a number '" + s + "': " + context, e);
        }
    }
}
