package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * W3C {@code iceCandidatePoolSize} (RFC 8829 §3.5.4): a pooled connection gathers as soon as it is created, holds
 * what it finds (the gathering state stays {@code new}, no candidate event fires), and its first description
 * already carries every candidate, server-reflexive ones included, with end-of-candidates.
 */
class IceCandidatePoolGathersBeforeTheFirstDescriptionTest {

    private static final RTCConfiguration POOLED = RTCConfiguration.builder().iceCandidatePoolSize(1).build();

    /** Polls the stats until they hold {@code count} local candidates (the pool working in the background). */
    private static List<RTCStats.Candidate> awaitLocalCandidates(RTCPeerConnection pc, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<RTCStats.Candidate> local = pc.getStats().get(5, TimeUnit.SECONDS).ofType(RTCStats.Candidate.class)
                    .stream().filter(RTCStats.Candidate::isLocal).toList();
            if (local.size() >= count) {
                return local;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool did not gather " + count + " candidates: " + local);
            }
            Thread.sleep(10); // the edge under test gathers on its own loop, in real time
        }
    }

    @Test
    void thePoolGathersAtCreationAndTheFirstOfferCarriesItsCandidatesAtOnce() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 1);
                DatagramChannel stun = DatagramChannel.open()) {
            stun.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int stunPort = ((InetSocketAddress) stun.getLocalAddress()).getPort();
            LoopbackPeers.Recorder events = new LoopbackPeers.Recorder();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.builder().iceCandidatePoolSize(1)
                    .iceServers(List.of(RTCIceServer.of("stun:127.0.0.1:" + stunPort))).build(), events);

            // The Binding request comes from the pool, before any description exists; the answer maps the
            // socket to a documentation address that only ever appears in SDP.
            stun.socket().setSoTimeout(10_000); // no request within 10 s: the pool did not gather
            java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[1500], 1500);
            stun.socket().receive(in);
            SocketAddress from = in.getSocketAddress();
            StunMessage request = StunMessage.decode(ByteBuffer.wrap(in.getData(), 0, in.getLength())).orElseThrow();
            assertEquals(StunClass.REQUEST, request.messageClass());
            InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("203.0.113.50"), 40000);
            stun.send(ByteBuffer.wrap(StunMessage.responseTo(request, StunClass.SUCCESS_RESPONSE)
                    .add(new XorMappedAddress(mapped)).fingerprint().encode()), from);
            List<RTCStats.Candidate> pooled = awaitLocalCandidates(pc, 2);
            assertTrue(pooled.stream().anyMatch(c -> c.candidateType().equals("srflx")), pooled.toString());
            assertEquals(RTCIceGatheringState.NEW, pc.iceGatheringState(), "pooled candidates are not surfaced yet");
            assertTrue(events.candidates.isEmpty(), "no onicecandidate before setLocalDescription");
            assertFalse(events.gathered.isDone());

            pc.createDataChannel("x");
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            String offer = pc.localDescription().sdp();
            assertTrue(offer.contains(" 127.0.0.1 " + pc.localSockets().get(0).getPort() + " typ host"), offer);
            assertTrue(offer.contains(" 203.0.113.50 40000 typ srflx raddr 127.0.0.1"), offer);
            assertTrue(offer.contains("a=end-of-candidates"), "gathering already complete: " + offer);
            events.gathered.get(5, TimeUnit.SECONDS);
            RTCIceCandidate first = events.candidates.poll(5, TimeUnit.SECONDS);
            assertTrue(first != null && first.candidate().contains("typ host") && "0".equals(first.sdpMid()),
                    "the pooled candidates are then signalled as usual, under the offer's mid: " + first);
        }
    }

    @Test
    void pooledPeersTakeTheRoleSignallingGivesThemAndConnect() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 2)) {
            LoopbackPeers.Recorder a = new LoopbackPeers.Recorder();
            LoopbackPeers.Recorder b = new LoopbackPeers.Recorder();
            RTCPeerConnection offerer = factory.createPeerConnection(POOLED, a);
            RTCPeerConnection answerer = factory.createPeerConnection(POOLED, b);
            awaitLocalCandidates(offerer, 1);
            awaitLocalCandidates(answerer, 1);

            LoopbackPeers.connectAndExchange(offerer, a, answerer, b);

            assertEquals("controlling", role(offerer));
            assertEquals("controlled", role(answerer), "the pooled agent was made controlled by the remote offer");
        }
    }

    @Test
    void anIceRestartBeforeTheFirstOfferDoesNotDuplicateThePool() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 1)) {
            LoopbackPeers.Recorder events = new LoopbackPeers.Recorder();
            RTCPeerConnection pc = factory.createPeerConnection(POOLED, events);
            awaitLocalCandidates(pc, 1);
            pc.createDataChannel("x");
            pc.restartIce();
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            events.gathered.get(5, TimeUnit.SECONDS);
            assertEquals(1, LoopbackPeers.candidateLines(pc.localDescription()).size(),
                    pc.localDescription().sdp());
            int signalled = 0;
            for (RTCIceCandidate c : events.candidates) {
                signalled += c.isEndOfCandidates() ? 0 : 1;
            }
            assertEquals(1, signalled, events.candidates.toString());
        }
    }

    private static String role(RTCPeerConnection pc) throws Exception {
        return pc.getStats().get(5, TimeUnit.SECONDS).ofType(RTCStats.Transport.class).get(0).iceRole();
    }
}
