package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helpers for peer connections over real UDP on 127.0.0.1: listeners that record what a connection reports,
 * a non-trickle offer/answer exchange, and a check that a data channel carries messages both ways.
 */
final class LoopbackPeers {

    static final RTCSettings LOOPBACK =
            RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build();

    private LoopbackPeers() {}

    /** Records what a peer connection reports. */
    static class Recorder implements RTCPeerConnection.Listener {
        final CompletableFuture<Void> gathered = new CompletableFuture<>();
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<RTCDataChannel> remoteChannel = new CompletableFuture<>();
        final BlockingQueue<RTCIceCandidate> candidates = new LinkedBlockingQueue<>();
        final CompletableFuture<RTCTrackEvent> track = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicInteger negotiationNeeded = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onTrack(RTCTrackEvent event) {
            track.complete(event);
        }

        @Override
        public void onNegotiationNeeded() {
            negotiationNeeded.incrementAndGet();
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            candidates.add(candidate);
        }

        @Override
        public void onIceGatheringStateChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onConnectionStateChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            remoteChannel.complete(channel);
        }
    }

    /** Collects a channel's messages (text as String, binary as byte[]). */
    static final class Inbox implements RTCDataChannel.Listener {
        final CompletableFuture<Void> open = new CompletableFuture<>();
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

        @Override
        public void onOpen(RTCDataChannel channel) {
            open.complete(null);
        }

        @Override
        public void onMessage(RTCDataChannel channel, String text) {
            messages.add(text);
        }

        @Override
        public void onMessage(RTCDataChannel channel, ByteBuffer binary) {
            byte[] bytes = new byte[binary.remaining()];
            binary.get(bytes);
            messages.add(bytes);
        }
    }

    /** The SDP {@code a=candidate} lines of a description. */
    static List<String> candidateLines(RTCSessionDescription description) {
        return description.sdp().lines().filter(l -> l.startsWith("a=candidate:")).toList();
    }

    /** Both ends of an open data channel with their inboxes. */
    record Link(RTCDataChannel offerer, Inbox offererInbox, RTCDataChannel answerer, Inbox answererInbox) {
        void exchange(String text) throws InterruptedException {
            LoopbackPeers.exchange(offerer, offererInbox, answerer, answererInbox, text);
        }
    }

    /**
     * Non-trickle offer/answer (WHIP style): each side waits for gathering complete, then signals its whole
     * description. Then a channel the offerer created opens on both sides and carries a message each way.
     */
    static Link connectAndExchange(RTCPeerConnection offerer, Recorder offererEvents,
            RTCPeerConnection answerer, Recorder answererEvents) throws Exception {
        RTCDataChannel chat = offerer.createDataChannel("chat");
        Inbox offererInbox = new Inbox();
        chat.setListener(offererInbox);
        offerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        offererEvents.gathered.get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.localDescription()).get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        answererEvents.gathered.get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.localDescription()).get(10, TimeUnit.SECONDS);

        offererInbox.open.get(15, TimeUnit.SECONDS);
        RTCDataChannel remote = answererEvents.remoteChannel.get(15, TimeUnit.SECONDS);
        Inbox answererInbox = new Inbox();
        remote.setListener(answererInbox);
        offererEvents.connected.get(15, TimeUnit.SECONDS);
        answererEvents.connected.get(15, TimeUnit.SECONDS);
        Link link = new Link(chat, offererInbox, remote, answererInbox);
        link.exchange("hello");
        return link;
    }

    /** One text message from {@code a} to {@code b} and one binary message back. */
    static void exchange(RTCDataChannel a, Inbox aInbox, RTCDataChannel b, Inbox bInbox, String text)
            throws InterruptedException {
        a.send(text);
        assertEquals(text, bInbox.messages.poll(10, TimeUnit.SECONDS));
        b.send(ByteBuffer.wrap(("re: " + text).getBytes(StandardCharsets.UTF_8)));
        Object back = aInbox.messages.poll(10, TimeUnit.SECONDS);
        assertEquals("re: " + text, back == null ? null : new String((byte[]) back, StandardCharsets.UTF_8));
    }

    /** The candidate at the given end of the connection's selected pair ({@code local} or remote). */
    static RTCStats.Candidate selectedCandidate(RTCPeerConnection pc, boolean local) throws Exception {
        RTCStatsReport stats = pc.getStats().get(10, TimeUnit.SECONDS);
        RTCStats.Transport transport = stats.ofType(RTCStats.Transport.class).get(0);
        RTCStats.CandidatePair pair =
                (RTCStats.CandidatePair) stats.get(transport.selectedCandidatePairId()).orElseThrow();
        return (RTCStats.Candidate) stats.get(local ? pair.localCandidateId() : pair.remoteCandidateId()).orElseThrow();
    }
}
