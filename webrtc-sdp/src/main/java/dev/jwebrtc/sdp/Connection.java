package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.Grammar;

/**
 * A {@code c=} line (RFC 8866 §5.7): {@code IN IP4 0.0.0.0}. The address keeps any {@code /ttl/count} suffix.
 */
public record Connection(String netType, String addrType, String address) {
    /** {@code IN IP4 0.0.0.0}, the placeholder JSEP writes before candidates exist (RFC 8829 §5.2.1). */
    public static final Connection DUMMY_IP4 = new Connection("IN", "IP4", "0.0.0.0");

    public Connection {
        Grammar.requireToken(netType, "c= nettype");
        Grammar.requireToken(addrType, "c= addrtype");
        Grammar.requireNonWs(address, "c= connection-address");
    }

    @Override
    public String toString() {
        return netType + " " + addrType + " " + address;
    }
}
