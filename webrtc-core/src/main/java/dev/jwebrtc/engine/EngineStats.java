package dev.jwebrtc.engine;

import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceCandidatePairInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine knows for {@code getStats()}, taken on the loop in one go.
 *
 * @param iceRole controlling or controlled
 * @param iceState the ICE agent's state
 * @param dtlsState the DTLS endpoint's state, or "new" before it exists
 * @param dtlsRole client or server, once known
 * @param dtlsCipher the negotiated cipher suite's IANA name, once connected
 * @param pairs the ICE checklist
 * @param localCandidates every local candidate gathered
 * @param packetsSent datagrams sent
 * @param packetsReceived datagrams received
 * @param bytesSent bytes sent
 * @param bytesReceived bytes received
 */
public record EngineStats(String iceRole, String iceState, String dtlsState, @Nullable String dtlsRole,
        @Nullable String dtlsCipher, List<IceCandidatePairInfo> pairs, List<IceCandidate> localCandidates,
        long packetsSent, long packetsReceived, long bytesSent, long bytesReceived) {

    public EngineStats {
        pairs = List.copyOf(pairs);
        localCandidates = List.copyOf(localCandidates);
    }
}
