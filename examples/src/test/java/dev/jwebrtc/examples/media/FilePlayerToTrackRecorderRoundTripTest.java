package dev.jwebrtc.examples.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCTrackEvent;
import dev.jwebrtc.examples.Peer;
import dev.jwebrtc.examples.TestMedia;
import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.IvfHeader;
import dev.jwebrtc.rtp.media.OggOpusReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IVF file and an Ogg Opus file played by {@link FilePlayer} into one peer connection and recorded by
 * {@link TrackRecorder} from the other, over real UDP on 127.0.0.1: the recorded files hold the same frames, byte for
 * byte, with the same timing.
 */
class FilePlayerToTrackRecorderRoundTripTest {

    private static final int VIDEO_FRAMES = 20;
    private static final int AUDIO_PACKETS = 25;

    @Test
    void recordedFilesHoldThePlayedFramesWithTheirTimestamps(@TempDir Path dir) throws Exception {
        List<TestMedia.Frame> video = TestMedia.writeVp8Ivf(dir.resolve("in.ivf"), 11, VIDEO_FRAMES, 8);
        List<byte[]> audio = TestMedia.writeOpusOgg(dir.resolve("in.ogg"), 12, AUDIO_PACKETS);
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 2)) {
            Peer a = new Peer();
            Peer b = new Peer();
            RTCPeerConnection sender = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection receiver = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);
            LocalMediaStreamTrack camera = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "camera", "file");
            LocalMediaStreamTrack microphone = new LocalMediaStreamTrack(RTCRtpCodec.OPUS, "microphone", "file");
            sender.addTrack(camera);
            sender.addTrack(microphone);
            Peer.negotiate(sender, a, receiver, b);

            Map<String, TrackRecorder> recorders = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                RTCTrackEvent event = b.tracks.poll(10, TimeUnit.SECONDS);
                boolean isVideo = event.track().kind().equals("video");
                TrackRecorder r = new TrackRecorder(isVideo ? RTCRtpCodec.VP8 : RTCRtpCodec.OPUS,
                        dir.resolve(isVideo ? "out.ivf" : "out.ogg")).attach(event.track());
                recorders.put(event.track().kind(), r);
            }
            TrackRecorder videoRecorder = recorders.get("video");
            TrackRecorder audioRecorder = recorders.get("audio");
            a.connected.get(10, TimeUnit.SECONDS);
            b.connected.get(10, TimeUnit.SECONDS);

            try (FilePlayer videoPlayer = FilePlayer.start(dir.resolve("in.ivf"), camera, false);
                    FilePlayer audioPlayer = FilePlayer.start(dir.resolve("in.ogg"), microphone, false)) {
                videoPlayer.done().get(10, TimeUnit.SECONDS);
                audioPlayer.done().get(10, TimeUnit.SECONDS);
                assertEquals(VIDEO_FRAMES, videoPlayer.framesWritten());
                assertEquals(AUDIO_PACKETS, audioPlayer.framesWritten());
                assertEquals(1, videoPlayer.passes());
            }
            assertTrue(Peer.await(() -> videoRecorder.frames() == VIDEO_FRAMES
                    && audioRecorder.frames() == AUDIO_PACKETS, 10), "all frames arrived: " + videoRecorder + ", "
                    + audioRecorder);
            sender.close();
            receiver.close();
            // Closing the connection ends the tracks, which finalizes the recordings.
            videoRecorder.closeFuture().get(10, TimeUnit.SECONDS);
            audioRecorder.closeFuture().get(10, TimeUnit.SECONDS);
        }

        IvfHeader header = TestMedia.ivfHeader(dir.resolve("out.ivf"));
        assertEquals(IvfHeader.VP8, header.fourcc());
        assertEquals(VIDEO_FRAMES, header.frameCount(), "frame count patched in on close");
        assertEquals(320, header.width());
        assertEquals(240, header.height());
        assertEquals(90_000, header.timebaseDenominator());
        List<IvfFrame> recorded = TestMedia.readIvf(dir.resolve("out.ivf"));
        assertEquals(VIDEO_FRAMES, recorded.size());
        for (int i = 0; i < VIDEO_FRAMES; i++) {
            assertArrayEquals(video.get(i).data(), recorded.get(i).bytes(), "frame " + i);
            // The player's durations drive the sender's RTP clock: the file's timestamps come back exactly.
            assertEquals(video.get(i).timestamp(), recorded.get(i).timestamp(), "timestamp of frame " + i);
        }

        List<OggOpusReader.Packet> packets = TestMedia.readOgg(dir.resolve("out.ogg"));
        assertEquals(AUDIO_PACKETS, packets.size());
        for (int i = 0; i < AUDIO_PACKETS; i++) {
            assertArrayEquals(audio.get(i), packets.get(i).bytes(), "packet " + i);
        }
        assertEquals(2, TestMedia.oggHead(dir.resolve("out.ogg")).channelCount(), "stereo TOC gives 2 channels");
        long last = packets.get(AUDIO_PACKETS - 1).granulePosition();
        assertEquals(312 + AUDIO_PACKETS * 960L, last, "granule: pre-skip plus 960 samples per packet");
    }

    @Test
    void anH264AnnexBStreamIsRecordedAsTheSameAnnexBStream(@TempDir Path dir) throws Exception {
        List<byte[]> units = TestMedia.writeH264AnnexB(dir.resolve("in.h264"), 13, 15);
        Path out = dir.resolve("out.h264");
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(Peer.LOOPBACK, 2)) {
            Peer a = new Peer();
            Peer b = new Peer();
            RTCPeerConnection sender = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection receiver = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);
            LocalMediaStreamTrack camera = new LocalMediaStreamTrack(RTCRtpCodec.H264, "camera", "file");
            sender.addTrack(camera);
            Peer.negotiate(sender, a, receiver, b);
            RTCTrackEvent event = b.tracks.poll(10, TimeUnit.SECONDS);
            TrackRecorder recorder = new TrackRecorder(RTCRtpCodec.H264, out).attach(event.track());
            a.connected.get(10, TimeUnit.SECONDS);
            b.connected.get(10, TimeUnit.SECONDS);
            try (FilePlayer player = FilePlayer.start(() -> java.nio.file.Files.newInputStream(dir.resolve("in.h264")),
                    camera, false, 60)) {
                assertEquals(FilePlayer.Format.ANNEX_B, player.format());
                player.done().get(10, TimeUnit.SECONDS);
                assertEquals(15, player.framesWritten());
                assertEquals(Duration.ofNanos(15 * 1500 * 1_000_000_000L / 90_000), player.played(),
                        "60 fps: 1500 ticks per access unit");
            }
            assertTrue(Peer.await(() -> recorder.frames() == 15, 10), "all access units arrived: " + recorder);
            assertEquals(1, recorder.keyFrames(), "the IDR access unit is the keyframe");
            sender.close();
            receiver.close();
            recorder.closeFuture().get(10, TimeUnit.SECONDS);
        }
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        units.forEach(expected::writeBytes);
        assertArrayEquals(expected.toByteArray(), java.nio.file.Files.readAllBytes(out),
                "SPS, PPS and slices through STAP-A/FU-A and back");
    }
}
