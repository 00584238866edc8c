package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.examples.EchoServer;
import dev.jwebrtc.examples.PlayFromDisk;
import dev.jwebrtc.examples.SaveToDisk;
import dev.jwebrtc.examples.media.TrackRecorder;
import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.IvfReader;
import dev.jwebrtc.rtp.media.OggOpusReader;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The media examples as a person would use them, with Chromium's fake camera and microphone: the echo server sends the
 * camera back, save-to-disk writes valid IVF and Ogg files, play-from-disk plays the bundled samples.
 */
class ChromiumUsesTheMediaExamplesTest {

    /** Waits until the page's peer connection decodes at least {@code frames} video frames. */
    private static long awaitDecodedFrames(Chromium chromium, long frames) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long decoded = 0;
        while (System.nanoTime() < deadline) {
            Object v = chromium.eval("(async () => { if (!window.pc) return 0; let n = 0;"
                    + " (await window.pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video')"
                    + " n = s.framesDecoded || 0; }); return n; })()");
            decoded = ((Number) v).longValue();
            if (decoded >= frames) {
                return decoded;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the page decoded only " + decoded + " video frames");
    }

    @Test
    void theEchoServerSendsTheCameraBackAndChromiumDecodesIt() throws Exception {
        try (EchoServer.Running server = EchoServer.start(InetAddress.getLoopbackAddress(), 0);
                Chromium chromium = Chromium.launch()) {
            chromium.navigate("http://127.0.0.1:" + server.port() + "/?media=1");
            assertTrue(awaitDecodedFrames(chromium, 30) >= 30);
            EchoServer.Reflection reflection = server.reflections().get(0);
            assertTrue(reflection.packets() > 50, "packets reflected: " + reflection.packets());
        }
    }

    @Test
    void saveToDiskWritesTheCameraAndMicrophoneToValidFiles() throws Exception {
        Path dir = Files.createTempDirectory("save-to-disk");
        try (SaveToDisk server = SaveToDisk.start(InetAddress.getLoopbackAddress(), 0, dir);
                Chromium chromium = Chromium.launch()) {
            chromium.navigate("http://127.0.0.1:" + server.port() + "/?seconds=3&autostart");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && (server.recordings().size() < 2
                    || !server.recordings().stream().allMatch(TrackRecorder::closed))) {
                Thread.sleep(100);
            }
            List<TrackRecorder> recordings = server.recordings();
            assertEquals(2, recordings.size(), "a recorder per track");
            assertTrue(recordings.stream().allMatch(TrackRecorder::closed), "the recordings were finalized");
            Path video;
            Path audio;
            try (var files = Files.list(dir)) {
                List<Path> all = files.sorted().toList();
                video = all.stream().filter(p -> p.toString().endsWith(".ivf")).findFirst().orElseThrow();
                audio = all.stream().filter(p -> p.toString().endsWith(".ogg")).findFirst().orElseThrow();
            }
            try (InputStream in = Files.newInputStream(video)) {
                IvfReader reader = new IvfReader(in);
                assertEquals("VP80", reader.header().fourcc());
                int frames = 0;
                long last = -1;
                for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
                    if (frames == 0) {
                        assertEquals(0, f.get().bytes()[0] & 1, "the file starts with a VP8 key frame");
                    }
                    assertTrue(f.get().timestamp() > last, "IVF timestamps increase");
                    last = f.get().timestamp();
                    frames++;
                }
                assertEquals(frames, reader.header().frameCount(), "the header counts the frames");
                assertTrue(frames >= 30, "about 3 s of video: " + frames + " frames");
            }
            try (InputStream in = Files.newInputStream(audio)) {
                OggOpusReader reader = new OggOpusReader(in);
                int packets = 0;
                while (reader.next().isPresent()) {
                    packets++;
                }
                assertTrue(packets >= 100, "about 3 s of Opus: " + packets + " packets");
                assertEquals(0, reader.pagesLost());
            }
        }
    }

    @Test
    void playFromDiskPlaysTheBundledSamplesInChromium() throws Exception {
        Assumptions.assumeTrue(PlayFromDisk.class.getResource(PlayFromDisk.SAMPLE_VIDEO) != null,
                "the bundled samples are not in this build");
        try (PlayFromDisk server = PlayFromDisk.start(InetAddress.getLoopbackAddress(), 0,
                PlayFromDisk.class.getResource(PlayFromDisk.SAMPLE_VIDEO),
                PlayFromDisk.class.getResource(PlayFromDisk.SAMPLE_AUDIO));
                Chromium chromium = Chromium.launch()) {
            chromium.navigate("http://127.0.0.1:" + server.port() + "/");
            assertTrue(awaitDecodedFrames(chromium, 60) >= 60, "the sample VP8 file decodes in Chromium");
        }
    }
}
