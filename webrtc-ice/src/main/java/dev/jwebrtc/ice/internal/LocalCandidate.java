package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceCandidate;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A local candidate with what only this side knows: the socket it is sent from ({@code socket}, a base address
 * the caller bound) and, for a relayed candidate, the TURN allocation that carries it.
 */
public record LocalCandidate(IceCandidate candidate, InetSocketAddress socket, @Nullable TurnAllocation relay) {

    /** RFC 8445 §5.1.1.1 base: the socket for host, srflx and prflx candidates; the relayed address for relay. */
    public InetSocketAddress base() {
        return relay != null ? candidate.address() : socket;
    }

    public CandidateType type() {
        return candidate.type();
    }

    public InetSocketAddress address() {
        return candidate.address();
    }
}
