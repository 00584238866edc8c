package dev.jwebrtc;

import java.util.Locale;
import java.util.Objects;

/**
 * A parsed STUN or TURN server URI (RFC 7064, RFC 7065), such as {@code stun:stun.example.org},
 * {@code turn:198.51.100.7:3478?transport=udp} or {@code turns:[2001:db8::1]}. Parsing never resolves names.
 *
 * @param scheme stun, stuns, turn or turns
 * @param host a host name or an IP literal (IPv6 without brackets)
 * @param port the port, defaulted per scheme (3478 plain, 5349 over TLS)
 * @param transport UDP or TCP; STUN URIs have no transport parameter and use UDP (or TCP for stuns)
 */
public record IceServerUrl(Scheme scheme, String host, int port, Transport transport) {

    /** The URI schemes WebRTC knows for ICE servers. */
    public enum Scheme {
        STUN(3478, false, false), STUNS(5349, false, true), TURN(3478, true, false), TURNS(5349, true, true);

        private final int defaultPort;
        private final boolean relay;
        private final boolean secure;

        Scheme(int defaultPort, boolean relay, boolean secure) {
            this.defaultPort = defaultPort;
            this.relay = relay;
            this.secure = secure;
        }

        public int defaultPort() {
            return defaultPort;
        }

        /** TURN rather than STUN: needs credentials and yields relay candidates. */
        public boolean isTurn() {
            return relay;
        }

        /** Over TLS (or DTLS). */
        public boolean isSecure() {
            return secure;
        }
    }

    /** The transport to the server. */
    public enum Transport {
        UDP, TCP
    }

    public IceServerUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 65535) {
            throw RTCException.syntax("port out of range: " + port);
        }
    }

    /**
     * Parses an ICE server URL.
     *
     * @throws RTCException {@code SyntaxError} naming what is wrong with the URL,
     *     {@code NotSupportedError} for a scheme other than stun, stuns, turn, turns
     */
    public static IceServerUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        int colon = url.indexOf(':');
        if (colon <= 0) {
            throw RTCException.syntax("ICE server URL has no scheme: '" + url + "'");
        }
        Scheme scheme;
        try {
            scheme = Scheme.valueOf(url.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RTCException(RTCErrorType.NOT_SUPPORTED,
                    "ICE server URL scheme must be stun, stuns, turn or turns: '" + url + "'");
        }
        String rest = url.substring(colon + 1);
        if (rest.startsWith("//")) {
            // RFC 7064 §3.1: the URI has no authority component ("stun://host" is not valid).
            throw RTCException.syntax("ICE server URL must not have '//' after the scheme: '" + url + "'");
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        Transport transport = scheme.isSecure() ? Transport.TCP : Transport.UDP;
        if (query != null) {
            // RFC 7065 §3.1: only TURN URIs take a query, and only "transport=udp|tcp".
            if (!scheme.isTurn()) {
                throw RTCException.syntax("a STUN URL takes no query: '" + url + "'");
            }
            String q = query.toLowerCase(Locale.ROOT);
            if (q.equals("transport=udp")) {
                transport = Transport.UDP;
            } else if (q.equals("transport=tcp")) {
                transport = Transport.TCP;
            } else {
                throw RTCException.syntax("TURN URL query must be transport=udp or transport=tcp: '" + url + "'");
            }
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw RTCException.syntax("unclosed '[' in ICE server URL: '" + url + "'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw RTCException.syntax("unexpected text after IPv6 address: '" + url + "'");
                }
                portText = after.substring(1);
            }
            if (!host.contains(":")) {
                throw RTCException.syntax("brackets hold an IPv6 address only: '" + url + "'");
            }
        } else {
            int portColon = rest.lastIndexOf(':');
            if (portColon >= 0) {
                if (rest.indexOf(':') != portColon) {
                    throw RTCException.syntax("an IPv6 address must be in brackets: '" + url + "'");
                }
                portText = rest.substring(portColon + 1);
                rest = rest.substring(0, portColon);
            }
            host = rest;
        }
        if (host.isEmpty() || !validHost(host)) {
            throw RTCException.syntax("invalid host in ICE server URL: '" + url + "'");
        }
        int port = scheme.defaultPort();
        if (portText != null) {
            if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
                throw RTCException.syntax("invalid port in ICE server URL: '" + url + "'");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw RTCException.syntax("port out of range in ICE server URL: '" + url + "'");
            }
        }
        return new IceServerUrl(scheme, host, port, transport);
    }

    private static boolean validHost(String host) {
        if (host.contains(":")) {
            return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        // A reg-name or IPv4 literal (RFC 3986 §3.2.2), without percent-encoding.
        return host.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~');
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String base = scheme.name().toLowerCase(Locale.ROOT) + ":" + h + ":" + port;
        return scheme.isTurn() ? base + "?transport=" + transport.name().toLowerCase(Locale.ROOT) : base;
    }
}
