package dev.jwebrtc.examples;

import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.IvfHeader;
import dev.jwebrtc.rtp.media.IvfReader;
import dev.jwebrtc.rtp.media.IvfWriter;
import dev.jwebrtc.rtp.media.OggOpusReader;
import dev.jwebrtc.rtp.media.OggOpusWriter;
import dev.jwebrtc.rtp.media.OpusHead;
import dev.jwebrtc.rtp.media.OpusTags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Synthetic media files for the tests: VP8 frames with valid frame tags, Opus packets with valid TOCs. */
public final class TestMedia {

    private TestMedia() {}

    /** A VP8 frame with a valid frame tag (the testkit's synthetic frame). */
    public static byte[] vp8(SplittableRandom random, boolean key, int size) {
        return dev.jwebrtc.testkit.SyntheticFrames.vp8(random, key, size);
    }

    /** A 20 ms CELT fullband stereo Opus packet (TOC config 31, s = 1, code 0: 960 samples). */
    public static byte[] opus(SplittableRandom random, int size) {
        byte[] p = new byte[size];
        random.nextBytes(p);
        p[0] = (byte) (31 << 3 | 0x04);
        return p;
    }

    /** One frame of a test file: its timestamp in the file's time base and its bytes. */
    public record Frame(long timestamp, byte[] data) {}

    /**
     * Writes an IVF file (1/90000) of {@code count} VP8 frames, a keyframe every {@code keyEvery}, sizes 200..3199
     * bytes (so some span several RTP packets), frame steps 900..4499 ticks (10..50 ms, not whole milliseconds).
     */
    public static List<Frame> writeVp8Ivf(Path file, long seed, int count, int keyEvery) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Frame> frames = new ArrayList<>();
        long ts = 0;
        try (IvfWriter w = IvfWriter.create(file, IvfHeader.forRtp(IvfHeader.VP8, 320, 240))) {
            for (int i = 0; i < count; i++) {
                byte[] f = vp8(random, i % keyEvery == 0, 200 + random.nextInt(3000));
                w.write(ts, ByteBuffer.wrap(f));
                frames.add(new Frame(ts, f));
                ts += 900 + random.nextInt(3600);
            }
        }
        return frames;
    }

    /** Writes an Ogg Opus file (stereo) of {@code count} 20 ms packets of 20..199 bytes. */
    public static List<byte[]> writeOpusOgg(Path file, long seed, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> packets = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(file);
                OggOpusWriter w = new OggOpusWriter(out, OpusHead.of(2), new OpusTags("test", List.of()), 1234)) {
            for (int i = 0; i < count; i++) {
                byte[] p = opus(random, 20 + random.nextInt(180));
                w.write(ByteBuffer.wrap(p));
                packets.add(p);
            }
        }
        return packets;
    }

    /**
     * Writes an H.264 Annex B stream (4-byte start codes) of {@code count} access units: the first is SPS, PPS and an
     * IDR slice, the others one non-IDR slice each (first_mb_in_slice 0), 100..2599 bytes of non-zero filler so no
     * start code appears inside. Returns each access unit's bytes as written.
     */
    public static List<byte[]> writeH264AnnexB(Path file, long seed, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> units = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < count; i++) {
                java.io.ByteArrayOutputStream unit = new java.io.ByteArrayOutputStream();
                if (i == 0) {
                    nal(unit, new byte[] {0x67, 0x42, (byte) 0xe0, 0x1f, (byte) 0x8c, 0x68});
                    nal(unit, new byte[] {0x68, (byte) 0xce, 0x3c, (byte) 0x80});
                }
                byte[] slice = new byte[100 + random.nextInt(2500)];
                for (int k = 0; k < slice.length; k++) {
                    slice[k] = (byte) (1 + random.nextInt(255));
                }
                slice[0] = (byte) (i == 0 ? 0x65 : 0x41); // IDR (type 5) or non-IDR (type 1), nal_ref_idc 3 / 2
                slice[1] = (byte) (slice[1] | 0x80); // first_mb_in_slice = 0: a new picture
                nal(unit, slice);
                byte[] b = unit.toByteArray();
                out.write(b);
                units.add(b);
            }
        }
        return units;
    }

    private static void nal(java.io.ByteArrayOutputStream out, byte[] nal) {
        out.writeBytes(new byte[] {0, 0, 0, 1});
        out.writeBytes(nal);
    }

    /** The frames of an IVF file. */
    public static List<IvfFrame> readIvf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            IvfReader r = new IvfReader(in);
            List<IvfFrame> out = new ArrayList<>();
            for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
                out.add(f.get());
            }
            return out;
        }
    }

    /** The header of an IVF file. */
    public static IvfHeader ivfHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new IvfReader(in).header();
        }
    }

    /** The packets of an Ogg Opus file. */
    public static List<OggOpusReader.Packet> readOgg(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            OggOpusReader r = new OggOpusReader(in);
            List<OggOpusReader.Packet> out = new ArrayList<>();
            for (Optional<OggOpusReader.Packet> p = r.next(); p.isPresent(); p = r.next()) {
                out.add(p.get());
            }
            return out;
        }
    }

    /** The OpusHead of an Ogg Opus file. */
    public static OpusHead oggHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new OggOpusReader(in).head();
        }
    }
}
