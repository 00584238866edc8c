package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.Grammar;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2). Session id and version are kept as decimal strings because the grammar
 * allows any number of digits; {@link #withNextVersion()} increments the version as JSEP requires.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
        String unicastAddress) {
    public Origin {
        Grammar.requireNonWs(username, "o= username");
        if (!Grammar.isDigits(Objects.requireNonNull(sessionId, "sessionId"))
                || !Grammar.isDigits(Objects.requireNonNull(sessionVersion, "sessionVersion"))) {
            throw new IllegalArgumentException("o= session id and version must be decimal digits: " + sessionId
                    + " " + sessionVersion);
        }
        Grammar.requireToken(netType, "o= nettype");
        Grammar.requireToken(addrType, "o= addrtype");
        Grammar.requireNonWs(unicastAddress, "o= unicast-address");
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
