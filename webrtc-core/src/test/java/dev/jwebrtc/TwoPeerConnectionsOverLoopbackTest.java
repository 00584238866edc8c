package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The whole stack over real UDP on 127.0.0.1, through the public API (the edge is under test: real time). */
class TwoPeerConnectionsOverLoopbackTest {

    private static final RTCSettings LOOPBACK = LoopbackPeers.LOOPBACK;

    private static final class Recorder extends LoopbackPeers.Recorder {
    }

    @Test
    void twoPeersConnectOverLoopbackAndExchangeMessages() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LOOPBACK, 2)) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);

            RTCDataChannel chat = pcA.createDataChannel("chat");
            LoopbackPeers.Inbox inboxA = new LoopbackPeers.Inbox();
            chat.setListener(inboxA);

            // Non-trickle, as WHIP does: each side waits for gathering, then signals its whole description.
            pcA.setLocalDescription().get(10, TimeUnit.SECONDS);
            a.gathered.get(10, TimeUnit.SECONDS);
            RTCSessionDescription offer = pcA.localDescription();
            assertTrue(offer.sdp().contains("a=candidate:") && offer.sdp().contains("127.0.0.1"), offer.sdp());
            pcB.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
            pcB.setLocalDescription().get(10, TimeUnit.SECONDS);
            b.gathered.get(10, TimeUnit.SECONDS);
            pcA.setRemoteDescription(pcB.localDescription()).get(10, TimeUnit.SECONDS);
            assertEquals(RTCSignalingState.STABLE, pcA.signalingState());

            inboxA.open.get(15, TimeUnit.SECONDS);
            RTCDataChannel remote = b.remoteChannel.get(15, TimeUnit.SECONDS);
            LoopbackPeers.Inbox inboxB = new LoopbackPeers.Inbox();
            remote.setListener(inboxB);
            a.connected.get(15, TimeUnit.SECONDS);
            assertEquals("chat", remote.label());
            assertEquals(RTCPeerConnectionState.CONNECTED, pcA.connectionState());

            chat.send("hello over UDP");
            assertEquals("hello over UDP", inboxB.messages.poll(10, TimeUnit.SECONDS));
            remote.send(new byte[] {4, 5, 6});
            assertEquals(List.of((byte) 4, (byte) 5, (byte) 6),
                    List.of(((byte[]) inboxA.messages.poll(10, TimeUnit.SECONDS))[0],
                            (byte) 5, (byte) 6));

            RTCStatsReport stats = pcA.getStats().get(10, TimeUnit.SECONDS);
            RTCStats.Transport transport = stats.ofType(RTCStats.Transport.class).get(0);
            assertEquals("connected", transport.dtlsState());
            assertEquals("controlling", transport.iceRole(), "the offerer controls");
            assertTrue(transport.bytesSent() > 0 && transport.bytesReceived() > 0, transport.toString());
            RTCStats.CandidatePair selected =
                    (RTCStats.CandidatePair) stats.get(transport.selectedCandidatePairId()).orElseThrow();
            assertTrue(selected.selected() && selected.nominated(), selected.toString());
            assertTrue(selected.responsesReceived() > 0 && selected.currentRoundTripTime() != null
                    && selected.currentRoundTripTime() < 1.0, "RTT of the selected pair: " + selected);
            RTCStats.Candidate local = (RTCStats.Candidate) stats.get(selected.localCandidateId()).orElseThrow();
            assertEquals("127.0.0.1", local.address());
            assertEquals("host", local.candidateType());
            assertEquals("local-candidate", local.type());
            assertTrue(stats.get(transport.localCertificateId()).isPresent());
            RTCStats.DataChannel chatStats = stats.ofType(RTCStats.DataChannel.class).get(0);
            assertEquals("chat", chatStats.label());
            assertEquals(1, chatStats.messagesSent());
            assertEquals("hello over UDP".length(), chatStats.bytesSent());
            assertEquals(1, chatStats.messagesReceived());
            assertEquals(1, stats.ofType(RTCStats.PeerConnection.class).get(0).dataChannelsOpened());

            RTCException tooBig = org.junit.jupiter.api.Assertions.assertThrows(RTCException.class,
                    () -> chat.send(new byte[256 * 1024 + 1]));
            assertEquals(RTCErrorType.TYPE, tooBig.type());

            // A channel created on a live connection opens at once; a listener set afterwards still gets onOpen.
            RTCDataChannel late = pcA.createDataChannel("late");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (late.readyState() != RTCDataChannelState.OPEN && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(RTCDataChannelState.OPEN, late.readyState());
            LoopbackPeers.Inbox lateInbox = new LoopbackPeers.Inbox();
            late.setListener(lateInbox);
            lateInbox.open.get(5, TimeUnit.SECONDS);

            pcA.close();
            pcA.closeFuture().get(10, TimeUnit.SECONDS);
            assertEquals(RTCSignalingState.CLOSED, pcA.signalingState());
        }
    }
}
