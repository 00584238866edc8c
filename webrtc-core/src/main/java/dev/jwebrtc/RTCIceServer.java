package dev.jwebrtc;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * W3C {@code RTCIceServer}: one STUN or TURN server, reachable at one or more URLs, with credentials for TURN.
 *
 * <p>Validated on construction as W3C §4.4.1.3 "validate an ICE server" does: every URL must parse
 * ({@code SyntaxError}), use a known scheme ({@code NotSupportedError}), and TURN URLs need a user name and a
 * credential ({@code InvalidAccessError}).
 *
 * @param urls one or more {@code stun:}, {@code stuns:}, {@code turn:} or {@code turns:} URLs
 * @param username the TURN user name, or {@code null}
 * @param credential the TURN password, or {@code null}
 */
public record RTCIceServer(List<String> urls, @Nullable String username, @Nullable String credential) {

    public RTCIceServer {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        if (urls.isEmpty()) {
            throw RTCException.syntax("an ICE server needs at least one URL");
        }
        for (String url : urls) {
            IceServerUrl parsed = IceServerUrl.parse(url);
            if (parsed.scheme().isTurn() && (username == null || credential == null)) {
                throw new RTCException(RTCErrorType.INVALID_ACCESS,
                        "TURN server " + url + " needs a username and a credential");
            }
        }
    }

    /** A STUN server (or servers) without credentials. */
    public static RTCIceServer of(String... urls) {
        return new RTCIceServer(List.of(urls), null, null);
    }

    /** A TURN server with long-term credentials (RFC 8489 §9.2). */
    public static RTCIceServer turn(String url, String username, String credential) {
        return new RTCIceServer(List.of(url), username, credential);
    }

    /** The URLs, parsed. */
    public List<IceServerUrl> parsedUrls() {
        return urls.stream().map(IceServerUrl::parse).toList();
    }

    @Override
    public String toString() {
        // Never print the credential.
        return "RTCIceServer[urls=" + urls + (username == null ? "" : ", username=" + username) + "]";
    }
}
