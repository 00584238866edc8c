package dev.jwebrtc.examples.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.examples.TestMedia;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.IvfHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrackRecorder} fed frames directly: containers, timestamps, counters, edge cases. */
class TrackRecorderWritesValidFilesTest {

    private static EncodedFrame frame(long rtpTimestamp, byte[] data, boolean key) {
        return EncodedFrame.of(rtpTimestamp, data, key, 0, 0);
    }

    @Test
    void ivfTimestampsAreRelativeToTheFirstFrameAndUnwrapAt32Bits(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        Path file = dir.resolve("wrap.ivf");
        byte[][] data = {TestMedia.vp8(random, true, 500), TestMedia.vp8(random, false, 300),
                TestMedia.vp8(random, false, 300), TestMedia.vp8(random, true, 400)};
        try (TrackRecorder r = new TrackRecorder(RTCRtpCodec.VP8, file)) {
            r.write(frame(0xFFFF_F000L, data[0], true), null);
            r.write(frame(0xFFFF_F000L + 3000, data[1], false), null);
            r.write(frame((0xFFFF_F000L + 6000) & 0xFFFF_FFFFL, data[2], false), null); // wrapped past 2^32
            r.write(frame((0xFFFF_F000L + 9003) & 0xFFFF_FFFFL, data[3], true), null);
            assertEquals(4, r.frames());
            assertEquals(2, r.keyFrames());
            assertEquals(9003, r.durationTicks());
        }
        List<IvfFrame> frames = TestMedia.readIvf(file);
        assertEquals(List.of(0L, 3000L, 6000L, 9003L), frames.stream().map(IvfFrame::timestamp).toList());
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(data[i], frames.get(i).bytes());
        }
        IvfHeader header = TestMedia.ivfHeader(file);
        assertEquals(4, header.frameCount());
        assertEquals(320, header.width(), "dimensions from the first VP8 keyframe");
    }

    @Test
    void aTimestampGoingBackIsHeldAtTheLastSoTheFileStaysMonotonic(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(2);
        Path file = dir.resolve("back.ivf");
        try (TrackRecorder r = new TrackRecorder(RTCRtpCodec.VP9, file)) {
            r.write(frame(90_000, new byte[] {1, 2, 3}, true), null);
            r.write(frame(93_000, new byte[] {4}, false), null);
            r.write(frame(80_000, new byte[] {5}, false), null); // the sender restarted its clock
            r.write(frame(83_000, new byte[] {6}, false), null);
        }
        assertEquals(List.of(0L, 3000L, 3000L, 6000L),
                TestMedia.readIvf(file).stream().map(IvfFrame::timestamp).toList());
        assertEquals(IvfHeader.VP9, TestMedia.ivfHeader(file).fourcc());
        assertEquals(0, TestMedia.ivfHeader(file).width(), "VP9 dimensions are not parsed");
    }

    @Test
    void aRecordingWithoutFramesIsStillAValidEmptyFile(@TempDir Path dir) throws Exception {
        new TrackRecorder(RTCRtpCodec.VP8, dir.resolve("empty.ivf")).close();
        new TrackRecorder(RTCRtpCodec.OPUS, dir.resolve("empty.ogg")).close();
        assertEquals(0, TestMedia.ivfHeader(dir.resolve("empty.ivf")).frameCount());
        assertEquals(List.of(), TestMedia.readIvf(dir.resolve("empty.ivf")));
        assertEquals(List.of(), TestMedia.readOgg(dir.resolve("empty.ogg")));
    }

    @Test
    void opusPacketsWithoutADurationAreSkippedAndMonoIsDetected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mono.ogg");
        byte[] mono = {(byte) (31 << 3), 1, 2, 3}; // 20 ms CELT, s = 0
        byte[] noCount = {(byte) (31 << 3 | 3)}; // code 3 without its frame count byte
        try (TrackRecorder r = new TrackRecorder(RTCRtpCodec.OPUS, file)) {
            r.write(frame(0, mono, true), null);
            r.write(frame(960, noCount, true), null);
            r.write(frame(1920, mono, true), null);
            assertEquals(2, r.frames());
            assertEquals(1, r.framesSkipped());
            assertEquals(1, r.gapPackets(), "the skipped packet's time is concealed");
        }
        assertEquals(1, TestMedia.oggHead(file).channelCount());
        assertEquals(312 + 3 * 960L, TestMedia.readOgg(file).get(2).granulePosition());
    }

    @Test
    void aGapInTheOpusTimestampsIsFilledWithConcealmentPackets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gap.ogg");
        SplittableRandom random = new SplittableRandom(4);
        byte[][] sent = {TestMedia.opus(random, 40), TestMedia.opus(random, 40), TestMedia.opus(random, 40)};
        try (TrackRecorder r = new TrackRecorder(RTCRtpCodec.OPUS, file)) {
            r.write(frame(0xFFFF_FC40L, sent[0], true), null); // 960 before the wrap
            r.write(frame(0, sent[1], true), null);
            r.write(frame(4 * 960, sent[2], true), null); // three 20 ms packets missing
            assertEquals(3, r.frames());
            assertEquals(3, r.gapPackets());
        }
        var packets = TestMedia.readOgg(file);
        assertEquals(6, packets.size());
        assertArrayEquals(sent[1], packets.get(1).bytes());
        for (int i = 2; i < 5; i++) {
            assertArrayEquals(new byte[] {(byte) (31 << 3 | 0x04)}, packets.get(i).bytes(), "a TOC-only packet");
        }
        assertArrayEquals(sent[2], packets.get(5).bytes());
        assertEquals(312 + 6 * 960L, packets.get(5).granulePosition(), "the granule follows the RTP clock");
    }

    @Test
    void onlyTheFirstSimulcastLayerIsRecorded(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        Path file = dir.resolve("simulcast.ivf");
        try (TrackRecorder r = new TrackRecorder(RTCRtpCodec.VP8, file)) {
            r.write(frame(0, TestMedia.vp8(random, true, 100), true), "h");
            r.write(frame(0, TestMedia.vp8(random, true, 100), true), "l");
            r.write(frame(3000, TestMedia.vp8(random, false, 100), false), "h");
            assertEquals(2, r.frames());
            assertEquals(1, r.framesSkipped());
        }
        assertEquals(2, TestMedia.readIvf(file).size());
    }

    @Test
    void h264AccessUnitsBecomeAnAnnexBStream(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.h264");
        byte[] idr = {0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 1, 0x65, 4, 5, 6};
        try (TrackRecorder r = new TrackRecorder(RTCRtpCodec.H264, file)) {
            assertEquals(TrackRecorder.Container.ANNEX_B, r.container());
            r.write(frame(0, idr, true), null);
        }
        byte[] expected = {0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5, 6};
        assertArrayEquals(expected, Files.readAllBytes(file), "start codes normalised to 4 bytes");
    }

    @Test
    void framesAfterCloseAreCountedNotWrittenAndCodecsWithoutContainerAreRefused(@TempDir Path dir) {
        TrackRecorder r = new TrackRecorder(RTCRtpCodec.VP8, dir.resolve("x.ivf"));
        r.close();
        r.close();
        assertTrue(r.closeFuture().isDone());
        r.write(frame(0, new byte[] {1}, true), null);
        assertEquals(0, r.frames());
        assertEquals(1, r.framesSkipped());
        assertThrows(IllegalArgumentException.class, () -> new TrackRecorder(RTCRtpCodec.PCMU, dir.resolve("x.wav")));
    }
}
