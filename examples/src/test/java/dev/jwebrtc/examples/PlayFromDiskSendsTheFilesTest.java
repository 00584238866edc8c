package dev.jwebrtc.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCRtpTransceiverDirection;
import dev.jwebrtc.RTCRtpTransceiverInit;
import dev.jwebrtc.RTCTrackEvent;
import dev.jwebrtc.RemoteMediaStreamTrack;
import dev.jwebrtc.examples.media.FilePlayer;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.media.MediaFormatException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * play-from-disk with a Java peer in the browser's place (real UDP and HTTP on 127.0.0.1): a {@code recvonly} offer
 * gets the files' tracks, whose frames are the files' frames from the first one on; the session's players stop when
 * the session is deleted.
 */
class PlayFromDiskSendsTheFilesTest {

    @Test
    void aRecvonlyOfferGetsTheFilesFramesFromTheFirstOn(@TempDir Path dir) throws Exception {
        List<TestMedia.Frame> video = TestMedia.writeVp8Ivf(dir.resolve("v.ivf"), 31, 12, 6);
        List<byte[]> audio = TestMedia.writeOpusOgg(dir.resolve("a.ogg"), 32, 15);
        try (PlayFromDisk server = PlayFromDisk.start(InetAddress.getLoopbackAddress(), 0,
                dir.resolve("v.ivf").toUri().toURL(), dir.resolve("a.ogg").toUri().toURL());
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 1)) {
            Peer client = new Peer();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, client);
            pc.addTransceiver("video", RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.RECVONLY));
            pc.addTransceiver("audio", RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.RECVONLY));
            Peer.Answer answer = client.whip(pc, server.port());
            assertEquals(2, answer.sdp().split("a=sendonly", -1).length - 1, "both sections answered sendonly:\n"
                    + answer.sdp());

            Map<String, List<EncodedFrame>> received = new ConcurrentHashMap<>();
            Map<String, RemoteMediaStreamTrack> tracks = new ConcurrentHashMap<>();
            for (int i = 0; i < 2; i++) {
                RTCTrackEvent event = client.tracks.poll(10, TimeUnit.SECONDS);
                assertNotNull(event);
                List<EncodedFrame> frames = new CopyOnWriteArrayList<>();
                received.put(event.track().kind(), frames);
                tracks.put(event.track().kind(), event.track());
                event.track().setListener(new RemoteMediaStreamTrack.Listener() {
                    @Override
                    public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                        frames.add(frame);
                    }
                });
            }
            assertTrue(Peer.await(() -> received.get("video").size() >= 12 && received.get("audio").size() >= 15,
                    10), "a pass of each file arrived: " + received.get("video").size() + " video, "
                    + received.get("audio").size() + " audio");
            for (int i = 0; i < 12; i++) {
                assertArrayEquals(video.get(i).data(), received.get("video").get(i).bytes(), "video frame " + i);
                long step = received.get("video").get(i).rtpTimestamp() - received.get("video").get(0).rtpTimestamp();
                assertEquals(video.get(i).timestamp(), step & 0xFFFF_FFFFL, "RTP timestamp of frame " + i);
            }
            for (int i = 0; i < 15; i++) {
                assertArrayEquals(audio.get(i), received.get("audio").get(i).bytes(), "audio packet " + i);
            }
            List<FilePlayer> players = server.players();
            assertEquals(2, players.size());
            FilePlayer videoPlayer = players.stream().filter(p -> p.format() == FilePlayer.Format.IVF).findFirst()
                    .orElseThrow();
            tracks.get("video").requestKeyFrame();
            assertTrue(Peer.await(() -> videoPlayer.keyFrameRequests() >= 1, 5), "the PLI reached the player");

            assertEquals(200, Peer.Http.request("DELETE", server.port(), answer.location(), null, null).status());
            assertEquals(List.of(), server.players(), "the session's players stopped");
            assertTrue(videoPlayer.done().isDone());
            pc.close();
        }
    }

    @Test
    void filesThatAreNotMediaAreRefusedAtStart(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("x.ivf");
        Files.writeString(text, "hello");
        assertThrows(MediaFormatException.class, () -> PlayFromDisk.start(InetAddress.getLoopbackAddress(), 0,
                text.toUri().toURL(), null));
        Path ogg = dir.resolve("a.ogg");
        TestMedia.writeOpusOgg(ogg, 1, 1);
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> PlayFromDisk.start(InetAddress.getLoopbackAddress(), 0, ogg.toUri().toURL(), null));
        assertTrue(swapped.getMessage().contains("audio/opus"), swapped.getMessage());
    }

    @Test
    void theBundledSamplesWhenPresentAreVp8AndOpus() throws Exception {
        java.net.URL video = PlayFromDisk.class.getResource(PlayFromDisk.SAMPLE_VIDEO);
        java.net.URL audio = PlayFromDisk.class.getResource(PlayFromDisk.SAMPLE_AUDIO);
        org.junit.jupiter.api.Assumptions.assumeTrue(video != null && audio != null,
                "the bundled samples are not in this build yet");
        assertEquals(dev.jwebrtc.RTCRtpCodec.VP8, FilePlayer.probe(video::openStream));
        assertEquals(dev.jwebrtc.RTCRtpCodec.OPUS, FilePlayer.probe(audio::openStream));
    }
}
