package dev.jwebrtc.sdp;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2). Session id and version are kept as decimal strings because the grammar
 * allows any number of digits; {@link #withNextVersion()} increments the version as JSEP requires.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
        String unicastAddress) {
    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(unicastAddress, "unicastAddress");
    }

    /** RFC 8829 §5.2.1: {@code o=- <id> <version> IN IP4 127.0.0.1}, the origin browsers write. */
    public static Origin jsep(String sessionId, long sessionVersion) {
        return new Origin("-", sessionId, Long.toString(sessionVersion), "IN", "IP4", "127.0.0.1");
    }

    /** RFC 8829 §5.2.2: a subsequent offer or answer carries the version plus one. */
    public Origin withNextVersion() {
        return new Origin(username, sessionId, new BigInteger(sessionVersion).add(BigInteger.ONE).toString(),
                netType, addrType, unicastAddress);
    }
}
