package dev.jwebrtc.rtp.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.FrameAssembler;
import dev.jwebrtc.rtp.codec.OpusCodec;
import dev.jwebrtc.rtp.codec.RtpPacketizer;
import dev.jwebrtc.rtp.codec.Vp8Codec;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample files the examples ship ({@code examples/src/main/resources/media}, made by
 * {@code examples/media/generate.sh} with GStreamer) read correctly with our readers and carry what the
 * play-from-disk example and the interop tests rely on: a VP8 stream that starts with a keyframe and has one every
 * second, monotonic timestamps, the frame count in the header; Ogg/Opus with 20 ms packets and granule positions that
 * only grow. The files are read where the examples module keeps them (the module's tests run from its own folder).
 */
class ExampleMediaFilesAreValidTest {

    private static final Path MEDIA = Path.of("..", "examples", "src", "main", "resources", "media");

    private static InputStream open(String name) throws Exception {
        Path file = MEDIA.resolve(name);
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is missing (examples/media/generate.sh)");
        assertTrue(Files.size(file) < 300 * 1024, file + " is over 300 KiB");
        return Files.newInputStream(file);
    }

    /** RFC 6386 §9.1: bit 0 of the frame tag is 0 for a key frame, which has the start code 9d 01 2a. */
    private static boolean vp8Keyframe(byte[] frame) {
        return (frame[0] & 0x01) == 0 && (frame[3] & 0xFF) == 0x9d && (frame[4] & 0xFF) == 0x01
                && (frame[5] & 0xFF) == 0x2a;
    }

    @Test
    void vp8IvfStartsWithAKeyframeHasOneEverySecondAndMonotonicTimestamps() throws Exception {
        List<IvfFrame> frames = new ArrayList<>();
        IvfHeader header;
        try (InputStream in = open("vp8-320x240-30fps.ivf")) {
            IvfReader r = new IvfReader(in);
            header = r.header();
            for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
                frames.add(f.get());
            }
        }
        assertEquals(IvfHeader.VP8, header.fourcc());
        assertEquals(320, header.width());
        assertEquals(240, header.height());
        assertEquals(30, header.timebaseDenominator());
        assertEquals(1, header.timebaseNumerator());
        assertEquals(120, frames.size());
        assertEquals(frames.size(), header.frameCount());

        byte[] first = frames.get(0).bytes();
        assertTrue(vp8Keyframe(first), "the first frame is not a VP8 keyframe");
        // RFC 6386 §9.1: the key frame header carries the 14-bit width and height, little-endian
        assertEquals(320, (first[6] & 0xFF | (first[7] & 0xFF) << 8) & 0x3FFF);
        assertEquals(240, (first[8] & 0xFF | (first[9] & 0xFF) << 8) & 0x3FFF);

        int sinceKeyframe = 0;
        int keyframes = 0;
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).timestamp(), "one tick of 1/30 s per frame");
            if (vp8Keyframe(frames.get(i).bytes())) {
                keyframes++;
                sinceKeyframe = 0;
            } else {
                sinceKeyframe++;
            }
            assertTrue(sinceKeyframe < 30, "no keyframe for 30 frames before frame " + i);
        }
        assertTrue(keyframes >= 4, keyframes + " keyframes in 4 s");
        assertTrue(keyframes < 20, keyframes + " keyframes: the file is nearly all keyframes");
    }

    @Test
    void vp8FramesSurvivePacketizingAndKeyframesAreDetected() throws Exception {
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Codec(), 96, 1234, 1100, 500);
        FrameAssembler assembler = new FrameAssembler(new Vp8Codec());
        int frames = 0;
        try (InputStream in = open("vp8-320x240-30fps.ivf")) {
            IvfReader r = new IvfReader(in);
            for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
                byte[] bytes = f.get().bytes();
                List<EncodedFrame> out = new ArrayList<>();
                for (RtpPacket p : packetizer.packetize(ByteBuffer.wrap(bytes), f.get().timestamp() * 3000)) {
                    assembler.push(p).ifPresent(out::add);
                }
                assertEquals(1, out.size(), "frame " + frames);
                assertArrayEquals(bytes, out.get(0).bytes());
                assertEquals(vp8Keyframe(bytes), out.get(0).keyframe(), "frame " + frames);
                frames++;
            }
        }
        assertEquals(120, frames);
    }

    @Test
    void oggOpusHasTwentyMillisecondPacketsAndGrowingGranules() throws Exception {
        try (InputStream in = open("opus-48k-stereo-sine.ogg")) {
            OggOpusReader r = new OggOpusReader(in);
            assertEquals(2, r.head().channelCount());
            assertEquals(48_000, r.head().inputSampleRate());
            assertTrue(r.head().preSkip() > 0);
            long samples = 0;
            long lastGranule = -1;
            int packets = 0;
            for (Optional<OggOpusReader.Packet> p = r.next(); p.isPresent(); p = r.next()) {
                assertEquals(960, OpusCodec.sampleCount(p.get().data()), "packet " + packets + " is not 20 ms");
                samples += 960;
                packets++;
                long granule = p.get().granulePosition();
                if (granule >= 0) {
                    assertTrue(granule > lastGranule, "granule " + granule + " after " + lastGranule);
                    lastGranule = granule;
                }
            }
            assertTrue(packets >= 200 && packets <= 202, packets + " packets for 4 s");
            // RFC 7845 §4.5: the last granule position trims the end, never extends it; 4 s of audio remain
            assertTrue(lastGranule <= r.head().preSkip() + samples, "granule " + lastGranule);
            assertTrue(lastGranule - r.head().preSkip() >= 4 * 48_000 - 960, "granule " + lastGranule);
            assertEquals(0, r.pagesLost());
        }
    }
}
