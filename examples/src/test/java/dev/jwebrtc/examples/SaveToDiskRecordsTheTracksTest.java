package dev.jwebrtc.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCRtpTransceiver;
import dev.jwebrtc.RTCRtpTransceiverDirection;
import dev.jwebrtc.RTCRtpTransceiverInit;
import dev.jwebrtc.examples.media.TrackRecorder;
import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.OggOpusReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * save-to-disk with a Java peer in the browser's place (real UDP and HTTP on 127.0.0.1): a camera and microphone
 * offer (VP9 preferred over VP8, as a browser might) is answered with VP8 and Opus only, and what is sent ends up in
 * {@code 1-video.ivf} and {@code 1-audio.ogg}, finalized when the session is deleted.
 */
class SaveToDiskRecordsTheTracksTest {

    @Test
    void theSentFramesEndUpInTheFilesWhenTheSessionEnds(@TempDir Path dir) throws Exception {
        List<byte[]> video = new ArrayList<>();
        List<byte[]> audio = new ArrayList<>();
        try (SaveToDisk server = SaveToDisk.start(InetAddress.getLoopbackAddress(), 0, dir);
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 1)) {
            Peer client = new Peer();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, client);
            LocalMediaStreamTrack camera = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "camera", "me");
            LocalMediaStreamTrack microphone = new LocalMediaStreamTrack(RTCRtpCodec.OPUS, "microphone", "me");
            RTCRtpTransceiver videoSender = pc.addTransceiver(camera,
                    RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDONLY, "me"));
            videoSender.setCodecPreferences(List.of(RTCRtpCodec.VP9, RTCRtpCodec.VP8));
            pc.addTransceiver(microphone, RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDONLY, "me"));
            Peer.Answer answer = client.whip(pc, server.port());
            assertEquals(2, answer.sdp().split("a=recvonly", -1).length - 1, answer.sdp());
            assertTrue(answer.sdp().contains("VP8/90000"), answer.sdp());
            assertFalse(answer.sdp().contains("VP9/90000"), "the server keeps to VP8:\n" + answer.sdp());
            client.connected.get(10, TimeUnit.SECONDS);
            // The answerer is the DTLS client: it has its keys only after the offerer's last flight, so wait for it
            // too, or the first frames are dropped as undecryptable.
            long session = Long.parseLong(answer.location().substring("/session/".length()));
            RTCPeerConnection atServer = server.server().connection(session).orElseThrow();
            assertTrue(Peer.await(() -> atServer.connectionState() == RTCPeerConnectionState.CONNECTED, 10));

            SplittableRandom random = new SplittableRandom(41);
            for (int i = 0; i < 20; i++) {
                byte[] f = TestMedia.vp8(random, i % 10 == 0, 200 + random.nextInt(2000));
                byte[] p = TestMedia.opus(random, 80);
                video.add(f);
                audio.add(p);
                camera.writeFrame(ByteBuffer.wrap(f), Duration.ofMillis(40));
                microphone.writeFrame(ByteBuffer.wrap(p), Duration.ofMillis(20));
                Thread.sleep(20);
            }
            assertTrue(Peer.await(() -> server.recordings().size() == 2 && server.recordings().stream()
                    .allMatch(r -> r.frames() == 20), 10), "all frames recorded: " + server.recordings());
            assertEquals(200, Peer.Http.request("DELETE", server.port(), answer.location(), null, null).status());
            for (TrackRecorder r : server.recordings()) {
                assertTrue(r.closed(), "the session's end finalized " + r.file());
            }
            TrackRecorder videoRecorder = server.recordings().stream()
                    .filter(r -> r.container() == TrackRecorder.Container.IVF).findFirst().orElseThrow();
            assertEquals(2, videoRecorder.keyFrames(), "video keyframes counted");
            assertEquals(dir.resolve("1-video.ivf"), videoRecorder.file());
            pc.close();
        }

        List<IvfFrame> frames = TestMedia.readIvf(dir.resolve("1-video.ivf"));
        assertEquals(20, TestMedia.ivfHeader(dir.resolve("1-video.ivf")).frameCount());
        long previous = -1;
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(video.get(i), frames.get(i).bytes(), "video frame " + i);
            assertTrue(frames.get(i).timestamp() > previous, "timestamps increase");
            previous = frames.get(i).timestamp();
            assertEquals(i * 3600L, frames.get(i).timestamp(), "40 ms steps at 90 kHz");
        }
        List<OggOpusReader.Packet> packets = TestMedia.readOgg(dir.resolve("1-audio.ogg"));
        assertEquals(20, packets.size());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(audio.get(i), packets.get(i).bytes(), "audio packet " + i);
        }
        assertEquals(312 + 20 * 960L, packets.get(19).granulePosition());
    }

    private static Peer.Answer offerCameraAndMicrophone(SaveToDisk server, RTCPeerConnection pc, Peer client)
            throws Exception {
        pc.addTransceiver(LocalMediaStreamTrack.create(RTCRtpCodec.VP8),
                RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDONLY));
        pc.addTransceiver(LocalMediaStreamTrack.create(RTCRtpCodec.OPUS),
                RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDONLY));
        return client.whip(pc, server.port());
    }

    @Test
    void theRemoteClosingItsConnectionFinalizesTheFiles(@TempDir Path dir) throws Exception {
        try (SaveToDisk server = SaveToDisk.start(InetAddress.getLoopbackAddress(), 0, dir);
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 1)) {
            Peer client = new Peer();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, client);
            offerCameraAndMicrophone(server, pc, client);
            client.connected.get(10, TimeUnit.SECONDS);
            assertTrue(Peer.await(() -> server.server().connections().stream()
                    .allMatch(c -> c.connectionState() == RTCPeerConnectionState.CONNECTED), 10));
            pc.close(); // DTLS close_notify: the server's connection closes, and with it the session
            assertTrue(Peer.await(() -> server.server().liveSessions() == 0, 10), "the session ended");
            assertTrue(Peer.await(() -> server.recordings().stream().allMatch(TrackRecorder::closed), 5));
        }
        assertEquals(0, TestMedia.ivfHeader(dir.resolve("1-video.ivf")).frameCount(), "a valid, empty IVF file");
        assertEquals(List.of(), TestMedia.readOgg(dir.resolve("1-audio.ogg")));
    }

    @Test
    void stoppingTheServerFinalizesTheFilesOfLiveSessions(@TempDir Path dir) throws Exception {
        List<TrackRecorder> recordings;
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 1)) {
            Peer client = new Peer();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, client);
            try (SaveToDisk server = SaveToDisk.start(InetAddress.getLoopbackAddress(), 0, dir)) {
                offerCameraAndMicrophone(server, pc, client);
                recordings = server.recordings();
                assertEquals(2, recordings.size());
                assertFalse(recordings.get(0).closed());
            }
            pc.close();
        }
        for (TrackRecorder r : recordings) {
            assertTrue(r.closed(), r.file() + " finalized by close()");
        }
        assertTrue(java.nio.file.Files.size(dir.resolve("1-video.ivf")) >= 32);
    }
}
