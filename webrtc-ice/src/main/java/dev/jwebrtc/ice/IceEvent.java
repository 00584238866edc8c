package dev.jwebrtc.ice;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** What the agent reports, drained with {@link IceAgent#pollEvent()}. */
public sealed interface IceEvent {

    /** A local candidate is ready to be signalled to the peer (RFC 8838 trickle). */
    record CandidateGathered(IceCandidate candidate) implements IceEvent {}

    /** Every local candidate has been gathered (signal end-of-candidates, RFC 8838 §8.2). */
    record GatheringComplete() implements IceEvent {}

    /** The gathering state changed. */
    record GatheringStateChanged(IceGatheringState state) implements IceEvent {}

    /** The connection state changed. */
    record ConnectionStateChanged(IceConnectionState state) implements IceEvent {}

    /** The agent's role changed after a role conflict (RFC 8445 §7.3.1.1, §7.2.5.1). */
    record RoleChanged(IceRole role) implements IceEvent {}

    /**
     * The pair that carries data changed. {@code local} is the local candidate, {@code base} the local socket
     * the data leaves from (for a relayed candidate, the socket that talks to the TURN server).
     */
    record SelectedPairChanged(IceCandidate local, IceCandidate remote, InetSocketAddress base)
            implements IceEvent {}

    /**
     * Application data that arrived through a TURN relay (the agent unwraps ChannelData and Data indications);
     * data on direct pairs never passes through the agent.
     */
    record RelayedDataReceived(InetSocketAddress relayAddress, InetSocketAddress peer, byte[] data)
            implements IceEvent {
        public RelayedDataReceived {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof RelayedDataReceived r && r.relayAddress.equals(relayAddress) && r.peer.equals(peer)
                    && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return relayAddress.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "RelayedDataReceived[" + peer + " via " + relayAddress + ", " + data.length + " bytes]";
        }
    }
}
