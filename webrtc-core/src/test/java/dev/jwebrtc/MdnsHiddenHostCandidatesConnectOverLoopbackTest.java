package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwebrtc.transport.LoopbackMulticast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * mDNS candidates (draft-ietf-mmusic-mdns-ice-candidates) through the real edge: one peer hides its host address
 * behind a random {@code <uuid>.local} name and answers queries for it; the other resolves the name through its
 * multicast socket. Everything stays on 127.0.0.1 and the loopback interface.
 */
class MdnsHiddenHostCandidatesConnectOverLoopbackTest {

    private static final String UUID_LOCAL =
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.local";

    private static RTCSettings mode(RTCSettings.MdnsMode mode) {
        return LoopbackPeers.LOOPBACK.toBuilder().mdnsMode(mode).build();
    }

    @Test
    void aNameResolvedByMulticastBecomesTheRemoteHostCandidate() throws Exception {
        assumeTrue(LoopbackMulticast.works(), LoopbackMulticast.SKIP_REASON);
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 2)) {
            LoopbackPeers.Recorder a = new LoopbackPeers.Recorder();
            LoopbackPeers.Recorder b = new LoopbackPeers.Recorder();
            RTCPeerConnection hiding = factory.createPeerConnection(RTCConfiguration.DEFAULT,
                    mode(RTCSettings.MdnsMode.QUERY_AND_GATHER), a);
            RTCPeerConnection resolving = factory.createPeerConnection(RTCConfiguration.DEFAULT,
                    mode(RTCSettings.MdnsMode.QUERY_ONLY), b);

            LoopbackPeers.connectAndExchange(hiding, a, resolving, b);

            List<String> offered = LoopbackPeers.candidateLines(hiding.localDescription());
            assertFalse(offered.isEmpty());
            for (String line : offered) {
                assertTrue(line.split(" ")[4].matches(UUID_LOCAL), "host address hidden: " + line);
                assertFalse(line.contains("127.0.0.1"), line);
            }
            RTCStats.Candidate remote = LoopbackPeers.selectedCandidate(resolving, false);
            assertEquals("host", remote.candidateType(), "resolved from the signalled name, not learnt as prflx");
            assertEquals("127.0.0.1", remote.address());
            assertEquals(hiding.localSockets().get(0).getPort(), remote.port());
        }
    }

    @Test
    void twoHidingPeersResolveEachOthersNames() throws Exception {
        assumeTrue(LoopbackMulticast.works(), LoopbackMulticast.SKIP_REASON);
        RTCSettings hiding = mode(RTCSettings.MdnsMode.QUERY_AND_GATHER);
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(hiding, 2)) {
            LoopbackPeers.Recorder a = new LoopbackPeers.Recorder();
            LoopbackPeers.Recorder b = new LoopbackPeers.Recorder();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);

            LoopbackPeers.connectAndExchange(pcA, a, pcB, b);

            for (RTCPeerConnection pc : List.of(pcA, pcB)) {
                assertTrue(LoopbackPeers.candidateLines(pc.localDescription()).stream()
                        .allMatch(l -> l.split(" ")[4].matches(UUID_LOCAL)), pc.localDescription().sdp());
            }
            // Each side's view of the other: a host candidate, so each resolved the other's name.
            assertEquals("host", LoopbackPeers.selectedCandidate(pcA, false).candidateType());
            assertEquals("host", LoopbackPeers.selectedCandidate(pcB, false).candidateType());
        }
    }

    @Test
    void withMdnsDisabledTheNameIsNotResolvedAndThePeerIsLearntFromItsChecks() throws Exception {
        assumeTrue(LoopbackMulticast.works(), LoopbackMulticast.SKIP_REASON);
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 2)) {
            LoopbackPeers.Recorder a = new LoopbackPeers.Recorder();
            LoopbackPeers.Recorder b = new LoopbackPeers.Recorder();
            RTCPeerConnection hiding = factory.createPeerConnection(RTCConfiguration.DEFAULT,
                    mode(RTCSettings.MdnsMode.QUERY_AND_GATHER), a);
            RTCPeerConnection deaf = factory.createPeerConnection(RTCConfiguration.DEFAULT,
                    mode(RTCSettings.MdnsMode.DISABLED), b);

            LoopbackPeers.connectAndExchange(hiding, a, deaf, b);

            RTCStats.Candidate remote = LoopbackPeers.selectedCandidate(deaf, false);
            assertEquals("prflx", remote.candidateType(), "no mDNS: only the peer's checks reveal its address");
        }
    }
}
