package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.codec.EncodedFrame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Media tracks through the public API over real UDP on 127.0.0.1 (the edge is under test: real time). */
class TwoPeerConnectionsSendMediaTest {

    private static final RTCSettings LOOPBACK = LoopbackPeers.LOOPBACK;

    /** What a peer connection reports (candidates, state, the first track event, negotiationneeded count). */
    private static final class Recorder extends LoopbackPeers.Recorder {
    }

    private static void negotiate(RTCPeerConnection offerer, Recorder o, RTCPeerConnection answerer, Recorder a)
            throws Exception {
        offerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        o.gathered.get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.localDescription()).get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        a.gathered.get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.localDescription()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aVideoTrackArrivesAsTheSameFramesWithStatsOnBothSides() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LOOPBACK, 2)) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);

            LocalMediaStreamTrack camera = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "camera", "stream-1");
            AtomicInteger keyframeRequests = new AtomicInteger();
            camera.setListener(new LocalMediaStreamTrack.Listener() {
                @Override
                public void onKeyFrameRequest(LocalMediaStreamTrack track) {
                    keyframeRequests.incrementAndGet();
                }
            });
            RTCRtpSender sender = pcA.addTrack(camera);
            assertEquals(camera, sender.track());
            assertEquals(1, pcA.getTransceivers().size());
            assertEquals(null, pcA.getTransceivers().get(0).mid(), "no mid before negotiation");
            assertThrows(RTCException.class, () -> pcA.addTrack(camera), "a track is sent once per connection");

            negotiate(pcA, a, pcB, b);
            RTCTrackEvent event = b.track.get(10, TimeUnit.SECONDS);
            assertEquals("camera", event.track().id());
            assertEquals(List.of("stream-1"), event.streamIds());
            assertEquals("video", event.track().kind());
            RTCRtpTransceiver sending = pcA.getTransceivers().get(0);
            assertEquals("0", sending.mid());
            assertEquals(RTCRtpTransceiverDirection.SENDONLY, sending.currentDirection(),
                    "B has no track: it answers recvonly");
            assertEquals(RTCRtpTransceiverDirection.RECVONLY, event.transceiver().currentDirection());
            RTCRtpParameters received = event.receiver().getParameters();
            assertEquals(RTCRtpCodec.VP8.mimeType(), received.codecs().get(0).codec().mimeType(),
                    "the track's codec leads: " + received);
            assertEquals("video/VP8", received.codec(96).orElseThrow().mimeType());
            assertTrue(received.headerExtensions().containsValue("urn:ietf:params:rtp-hdrext:sdes:mid"));

            BlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
            event.track().setListener(new RemoteMediaStreamTrack.Listener() {
                @Override
                public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                    frames.add(frame);
                }
            });
            a.connected.get(10, TimeUnit.SECONDS);
            b.connected.get(10, TimeUnit.SECONDS);

            SplittableRandom random = new SplittableRandom(7);
            byte[][] sent = new byte[30][];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = dev.jwebrtc.testkit.SyntheticFrames.vp8(random, i % 10 == 0, 3000);
                camera.writeFrame(ByteBuffer.wrap(sent[i]), Duration.ofMillis(33));
            }
            for (int i = 0; i < sent.length; i++) {
                EncodedFrame f = frames.poll(10, TimeUnit.SECONDS);
                assertNotNull(f, "frame " + i + " arrived");
                assertArrayEquals(sent[i], f.bytes(), "frame " + i);
                assertEquals(i % 10 == 0, f.keyframe(), "keyframe flag of frame " + i);
            }

            event.track().requestKeyFrame();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (keyframeRequests.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, keyframeRequests.get(), "the PLI reached the sending track");

            RTCStatsReport statsA = pcA.getStats().get(10, TimeUnit.SECONDS);
            RTCStats.OutboundRtp out = statsA.ofType(RTCStats.OutboundRtp.class).get(0);
            assertEquals(30, out.framesSent());
            assertEquals("video", out.kind());
            RTCStats.Codec codec = (RTCStats.Codec) statsA.get(out.codecId()).orElseThrow();
            assertEquals("video/VP8", codec.mimeType());
            assertEquals(1, out.pliCount());
            assertTrue(statsA.get(out.mediaSourceId()).isPresent(), "media-source for the camera track");
            RTCStatsReport statsB = pcB.getStats().get(10, TimeUnit.SECONDS);
            RTCStats.InboundRtp in = statsB.ofType(RTCStats.InboundRtp.class).get(0);
            assertEquals(30, in.framesReceived());
            assertEquals(3, in.keyFramesReceived());
            assertEquals(out.ssrc(), in.ssrc());
            assertEquals("camera", in.trackIdentifier());
            assertEquals(out.packetsSent(), in.packetsReceived(), "nothing lost on loopback");
        }
    }

    @Test
    void addingATrackToALiveConnectionRenegotiatesAndTheAnswererCanSendBack() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LOOPBACK, 2)) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);
            pcA.createDataChannel("control");
            negotiate(pcA, a, pcB, b);
            a.connected.get(10, TimeUnit.SECONDS);
            int before = a.negotiationNeeded.get();

            LocalMediaStreamTrack mic = LocalMediaStreamTrack.create(RTCRtpCodec.OPUS);
            pcA.addTrack(mic);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (a.negotiationNeeded.get() == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(before + 1, a.negotiationNeeded.get(), "adding a track needs negotiation");
            pcA.setLocalDescription().get(10, TimeUnit.SECONDS);
            pcB.setRemoteDescription(pcA.localDescription()).get(10, TimeUnit.SECONDS);
            RTCTrackEvent atB = b.track.get(10, TimeUnit.SECONDS);
            // B answers its audio back on the transceiver the offer created (W3C addTrack reuses it).
            LocalMediaStreamTrack reply = LocalMediaStreamTrack.create(RTCRtpCodec.OPUS);
            RTCRtpSender replySender = pcB.addTrack(reply);
            assertEquals(atB.transceiver().sender(), replySender, "addTrack reused the offered transceiver");
            pcB.setLocalDescription().get(10, TimeUnit.SECONDS);
            pcA.setRemoteDescription(pcB.localDescription()).get(10, TimeUnit.SECONDS);
            RTCTrackEvent atA = a.track.get(10, TimeUnit.SECONDS);
            assertEquals(RTCRtpTransceiverDirection.SENDRECV, atA.transceiver().currentDirection());

            BlockingQueue<EncodedFrame> heardAtA = new LinkedBlockingQueue<>();
            atA.track().setListener(new RemoteMediaStreamTrack.Listener() {
                @Override
                public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                    heardAtA.add(frame);
                }
            });
            byte[] packet = {(byte) 0x78, 1, 2, 3, 4, 5, 6, 7};
            reply.writeFrame(ByteBuffer.wrap(packet), Duration.ofMillis(20));
            EncodedFrame f = heardAtA.poll(10, TimeUnit.SECONDS);
            assertNotNull(f, "the answerer's audio reached the offerer");
            assertArrayEquals(packet, f.bytes());

            atA.transceiver().stop();
            assertEquals(RTCRtpTransceiverDirection.STOPPED, atA.transceiver().direction());
            assertTrue(atA.track().ended());
        }
    }

    @Test
    void codecPreferencesReplaceTrackRemoveTrackAndStopRenegotiate() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LOOPBACK, 2)) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);
            RTCRtpTransceiver video = pcA.addTransceiver("video", RTCRtpTransceiverInit.of(
                    RTCRtpTransceiverDirection.SENDONLY, "s"));
            video.setCodecPreferences(List.of(RTCRtpCodec.H264, RTCRtpCodec.VP8));
            RTCException unknown = assertThrows(RTCException.class, () -> video.setCodecPreferences(
                    List.of(new RTCRtpCodec("video/H265", 90_000, 0, ""))));
            assertEquals(RTCErrorType.INVALID_MODIFICATION, unknown.type());
            assertThrows(RTCException.class, () -> video.setCodecPreferences(List.of(RTCRtpCodec.OPUS)),
                    "an audio codec on a video transceiver");
            negotiate(pcA, a, pcB, b);
            String offer = pcA.localDescription().sdp();
            String videoLine = offer.lines().filter(l -> l.startsWith("m=video")).findFirst().orElseThrow();
            assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 102 103 96 97", videoLine, "H.264 first, then VP8, with RTX");
            RTCTrackEvent event = b.track.get(10, TimeUnit.SECONDS);
            BlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
            event.track().setListener(new RemoteMediaStreamTrack.Listener() {
                @Override
                public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                    frames.add(frame);
                }
            });
            a.connected.get(10, TimeUnit.SECONDS);

            // A track arrives later with replaceTrack: no renegotiation, frames flow (H.264 Annex B, IDR first).
            LocalMediaStreamTrack h264 = new LocalMediaStreamTrack(RTCRtpCodec.H264, "h264", "s");
            video.sender().replaceTrack(h264).get(5, TimeUnit.SECONDS);
            assertEquals(h264, video.sender().track());
            byte[] idr = {0, 0, 0, 1, 0x67, 0x42, (byte) 0xe0, 0x1f, 0, 0, 0, 1, 0x68, (byte) 0xce, 0x3c, (byte) 0x80,
                    0, 0, 0, 1, 0x65, (byte) 0x88, (byte) 0x84, 0x00, 0x33, 0x11, 0x22};
            h264.writeFrame(ByteBuffer.wrap(idr), Duration.ofMillis(33));
            EncodedFrame got = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(got, "an H.264 access unit arrived");
            assertTrue(got.keyframe(), "SPS+PPS+IDR is a keyframe");
            assertRejectsOtherKind(video);

            // removeTrack: sendonly becomes inactive at the next exchange; B's track keeps existing but gets nothing.
            int before = a.negotiationNeeded.get();
            pcA.removeTrack(video.sender());
            assertEquals(null, video.sender().track());
            assertEquals(RTCRtpTransceiverDirection.INACTIVE, video.direction());
            waitFor(() -> a.negotiationNeeded.get() > before, "negotiationneeded after removeTrack");
            renegotiate(pcA, pcB);
            assertEquals(RTCRtpTransceiverDirection.INACTIVE, video.currentDirection());
            assertEquals(RTCRtpTransceiverDirection.INACTIVE, event.transceiver().currentDirection());

            // stop(): the section is rejected (port 0) and the remote transceiver stops, its track ends.
            video.stop();
            renegotiate(pcA, pcB);
            assertTrue(pcA.localDescription().sdp().contains("m=video 0 "), pcA.localDescription().sdp());
            assertTrue(event.transceiver().stopped(), "B's transceiver stopped with the rejected section");
            assertTrue(event.track().ended());
        }
    }

    @Test
    void simulcastLayersGoOutByRidAndArriveAsSeparateStreams() throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LOOPBACK, 2)) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);
            LocalMediaStreamTrack camera = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "camera", "s");
            pcA.addTransceiver(camera, RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDONLY)
                    .withSimulcast("q", "f"));
            assertThrows(RTCException.class, () -> RTCRtpTransceiverInit.DEFAULT.withSimulcast("bad rid"));
            negotiate(pcA, a, pcB, b);
            assertTrue(pcA.localDescription().sdp().contains("a=simulcast:send q;f"));
            assertTrue(pcB.localDescription().sdp().contains("a=simulcast:recv q;f"));
            RTCTrackEvent event = b.track.get(10, TimeUnit.SECONDS);
            java.util.Map<String, BlockingQueue<EncodedFrame>> byRid = new java.util.concurrent.ConcurrentHashMap<>();
            event.track().setListener(new RemoteMediaStreamTrack.Listener() {
                @Override
                public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                    byRid.computeIfAbsent(String.valueOf(rid), r -> new LinkedBlockingQueue<>()).add(frame);
                }
            });
            a.connected.get(10, TimeUnit.SECONDS);
            b.connected.get(10, TimeUnit.SECONDS);
            SplittableRandom random = new SplittableRandom(11);
            byte[] small = dev.jwebrtc.testkit.SyntheticFrames.vp8(random, true, 500);
            byte[] large = dev.jwebrtc.testkit.SyntheticFrames.vp8(random, true, 5000);
            camera.writeFrame("q", ByteBuffer.wrap(small), Duration.ofMillis(33));
            camera.writeFrame("f", ByteBuffer.wrap(large), Duration.ofMillis(33));
            waitFor(() -> byRid.size() == 2 && byRid.values().stream().allMatch(q -> !q.isEmpty()), "both layers");
            assertArrayEquals(small, byRid.get("q").poll().bytes());
            assertArrayEquals(large, byRid.get("f").poll().bytes());
            RTCStatsReport stats = pcA.getStats().get(10, TimeUnit.SECONDS);
            assertEquals(java.util.Set.of("q", "f"), stats.ofType(RTCStats.OutboundRtp.class).stream()
                    .map(RTCStats.OutboundRtp::rid).collect(java.util.stream.Collectors.toSet()));
        }
    }

    private static void assertRejectsOtherKind(RTCRtpTransceiver video) {
        CompletableFuture<Void> wrong = video.sender().replaceTrack(LocalMediaStreamTrack.create(RTCRtpCodec.OPUS));
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> wrong.get(5, TimeUnit.SECONDS));
        assertEquals(RTCErrorType.TYPE, ((RTCException) e.getCause()).type());
    }

    private static void renegotiate(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        offerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.localDescription()).get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.localDescription()).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(5);
        }
    }
}
