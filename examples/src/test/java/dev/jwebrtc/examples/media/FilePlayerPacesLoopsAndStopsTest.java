package dev.jwebrtc.examples.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.examples.Peer;
import dev.jwebrtc.examples.TestMedia;
import dev.jwebrtc.rtp.media.MediaFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FilePlayer} on a track without senders (frames go nowhere): it keeps the file's pace, loops, stops on
 * {@code close()} with its thread ended, and refuses files it cannot play. The pace is real time by design, so only
 * lower bounds are checked.
 */
class FilePlayerPacesLoopsAndStopsTest {

    @Test
    void aLoopingPlayerRepeatsTheFileAtItsPaceUntilClosed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.ivf");
        // 6 frames, steps 10..50 ms: one pass lasts the sum of the steps plus the last frame's (the step before).
        var frames = TestMedia.writeVp8Ivf(file, 5, 6, 3);
        long ticks = frames.get(5).timestamp() + (frames.get(5).timestamp() - frames.get(4).timestamp());
        Duration pass = Duration.ofNanos(ticks * 1_000_000_000L / 90_000);
        LocalMediaStreamTrack track = LocalMediaStreamTrack.create(RTCRtpCodec.VP8);
        long start = System.nanoTime();
        FilePlayer player = FilePlayer.start(file, track, true);
        try {
            assertTrue(Peer.await(() -> player.passes() >= 2, 10), "two passes: " + player);
            long elapsed = System.nanoTime() - start;
            // The third pass's first frame is written at 2 x pass at the earliest.
            assertTrue(elapsed >= pass.toNanos() * 2 - 20_000_000L, "paced: " + elapsed / 1e6 + " ms for two passes"
                    + " of " + pass.toMillis() + " ms");
            assertFalse(player.done().isDone());
        } finally {
            player.close();
        }
        player.done().get(1, TimeUnit.SECONDS);
        assertTrue(player.framesWritten() >= 12);
        assertTrue(player.played().compareTo(pass.multipliedBy(2)) >= 0, "media time " + player.played());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("file-player")
                && t.isAlive()), "the player thread has ended");
    }

    @Test
    void stoppingTheTrackEndsPlayingWithoutError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.ogg");
        TestMedia.writeOpusOgg(file, 6, 100); // 2 s
        LocalMediaStreamTrack track = LocalMediaStreamTrack.create(RTCRtpCodec.OPUS);
        try (FilePlayer player = FilePlayer.start(file, track, false)) {
            assertEquals(FilePlayer.Format.OGG_OPUS, player.format());
            assertTrue(Peer.await(() -> player.framesWritten() >= 2, 5));
            track.stop();
            player.done().get(5, TimeUnit.SECONDS);
            assertTrue(player.framesWritten() < 100, "stopped early: " + player.framesWritten());
        }
    }

    @Test
    void filesThatAreNotPlayableAreRefusedUpFront(@TempDir Path dir) throws IOException {
        Path ivf = dir.resolve("in.ivf");
        TestMedia.writeVp8Ivf(ivf, 7, 2, 1);
        LocalMediaStreamTrack opus = LocalMediaStreamTrack.create(RTCRtpCodec.OPUS);
        IllegalArgumentException wrongTrack = assertThrows(IllegalArgumentException.class,
                () -> FilePlayer.start(ivf, opus, false));
        assertTrue(wrongTrack.getMessage().contains("video/VP8"), wrongTrack.getMessage());

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not media at all");
        MediaFormatException notMedia = assertThrows(MediaFormatException.class,
                () -> FilePlayer.start(text, LocalMediaStreamTrack.create(RTCRtpCodec.VP8), false));
        assertTrue(notMedia.getMessage().contains("neither an IVF file"), notMedia.getMessage());

        assertEquals(RTCRtpCodec.VP8, FilePlayer.probe(() -> Files.newInputStream(ivf)));
        assertThrows(MediaFormatException.class, () -> FilePlayer.probe(() -> new ByteArrayInputStream(
                "DKIF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }
}
