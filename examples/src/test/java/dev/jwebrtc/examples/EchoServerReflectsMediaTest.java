package dev.jwebrtc.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCTrackEvent;
import dev.jwebrtc.RemoteMediaStreamTrack;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The echo server as a browser would use it, with a Java peer in the browser's place (real UDP and HTTP on
 * 127.0.0.1): the audio and video it sends come back on the same transceivers, frame for frame, and a keyframe
 * request for the reflected video reaches the original sender.
 */
class EchoServerReflectsMediaTest {

    @Test
    void videoAndAudioComeBackAndKeyframeRequestsPassThrough() throws Exception {
        try (EchoServer.Running server = EchoServer.start(InetAddress.getLoopbackAddress(), 0);
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 1)) {
            Peer client = new Peer();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, client);
            LocalMediaStreamTrack camera = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "camera", "me");
            LocalMediaStreamTrack microphone = new LocalMediaStreamTrack(RTCRtpCodec.OPUS, "microphone", "me");
            AtomicInteger keyframeRequests = new AtomicInteger();
            camera.setListener(new LocalMediaStreamTrack.Listener() {
                @Override
                public void onKeyFrameRequest(LocalMediaStreamTrack track) {
                    keyframeRequests.incrementAndGet();
                }
            });
            pc.addTrack(camera);
            pc.addTrack(microphone);
            Peer.Answer answer = client.whip(pc, server.port());
            assertTrue(answer.location().startsWith("/session/"), answer.location());
            assertEquals(2, answer.sdp().split("a=sendrecv", -1).length - 1, "both sections answered sendrecv:\n"
                    + answer.sdp());

            Map<String, List<EncodedFrame>> back = new ConcurrentHashMap<>();
            Map<String, RemoteMediaStreamTrack> reflected = new ConcurrentHashMap<>();
            for (int i = 0; i < 2; i++) {
                RTCTrackEvent event = client.tracks.poll(10, TimeUnit.SECONDS);
                assertNotNull(event, "the reflected tracks are announced");
                List<EncodedFrame> frames = new CopyOnWriteArrayList<>();
                back.put(event.track().kind(), frames);
                reflected.put(event.track().kind(), event.track());
                event.track().setListener(new RemoteMediaStreamTrack.Listener() {
                    @Override
                    public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                        frames.add(frame);
                    }
                });
            }
            assertEquals(2, server.reflections().size());
            client.connected.get(10, TimeUnit.SECONDS);
            long session = Long.parseLong(answer.location().substring("/session/".length()));
            RTCPeerConnection atServer = server.server().connection(session).orElseThrow();
            assertTrue(Peer.await(() -> atServer.connectionState() == RTCPeerConnectionState.CONNECTED, 10));

            SplittableRandom random = new SplittableRandom(21);
            List<byte[]> video = new ArrayList<>();
            List<byte[]> audio = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] f = TestMedia.vp8(random, i % 10 == 0, 300 + random.nextInt(2500));
                byte[] p = TestMedia.opus(random, 60);
                video.add(f);
                audio.add(p);
                camera.writeFrame(ByteBuffer.wrap(f), Duration.ofMillis(20));
                microphone.writeFrame(ByteBuffer.wrap(p), Duration.ofMillis(20));
                Thread.sleep(20);
            }
            assertTrue(Peer.await(() -> back.get("video").size() >= 30 && back.get("audio").size() >= 30, 10),
                    "frames came back: " + back.get("video").size() + " video, " + back.get("audio").size()
                            + " audio");
            assertContiguousRun(video, back.get("video"), "video");
            assertContiguousRun(audio, back.get("audio"), "audio");
            assertTrue(back.get("video").get(0).keyframe(), "reflected video starts at a keyframe");

            int before = keyframeRequests.get();
            reflected.get("video").requestKeyFrame();
            assertTrue(Peer.await(() -> keyframeRequests.get() > before, 5),
                    "the reflected track's keyframe request reached the camera");
            EchoServer.Reflection videoReflection = server.reflections().stream()
                    .filter(r -> r.local().kind().equals("video")).findFirst().orElseThrow();
            assertTrue(videoReflection.keyFrameRequests() >= 1);
            assertTrue(videoReflection.packets() >= 30);
            pc.close();
        }
    }

    /** What came back is the sent sequence from some frame on, byte for byte, without gaps. */
    private static void assertContiguousRun(List<byte[]> sent, List<EncodedFrame> received, String what) {
        byte[] first = received.get(0).bytes();
        int start = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (java.util.Arrays.equals(sent.get(i), first)) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0 && start <= 10, what + ": the first reflected frame is an early sent one: " + start);
        for (int i = 0; i < received.size(); i++) {
            assertArrayEquals(sent.get(start + i), received.get(i).bytes(), what + " frame " + (start + i));
        }
    }

    @Test
    void badRequestsGetAReasonAndUnknownSessionsA404() throws Exception {
        try (EchoServer.Running server = EchoServer.start(InetAddress.getLoopbackAddress(), 0)) {
            Peer.Http.Response wrongType = Peer.Http.request("POST", server.port(), "/offer", "text/plain", "v=0");
            assertEquals(400, wrongType.status());
            assertTrue(wrongType.body().contains("application/sdp"), wrongType.body());
            Peer.Http.Response badSdp = Peer.Http.request("POST", server.port(), "/offer", "application/sdp",
                    "v=0\r\nthis is not sdp\r\n");
            assertEquals(400, badSdp.status());
            assertEquals(0, server.server().liveSessions(), "a refused offer leaves no session");
            assertEquals(404, Peer.Http.request("DELETE", server.port(), "/session/99", null, null).status());
            Peer.Http.Response page = Peer.Http.request("GET", server.port(), "/", null, null);
            assertEquals(200, page.status());
            assertTrue(page.body().contains("jwebrtc echo"));
        }
    }
}
