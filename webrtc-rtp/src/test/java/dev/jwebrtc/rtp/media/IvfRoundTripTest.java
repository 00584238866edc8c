package dev.jwebrtc.rtp.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IVF files written and read back; the header layout matches libvpx's byte for byte. */
class IvfRoundTripTest {

    @Test
    void headerBytesMatchTheLibvpxLayout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IvfWriter(out, new IvfHeader(IvfHeader.VP8, 640, 480, 30, 1, 2)).close();
        assertEquals("444b4946" + "0000" + "2000" + "56503830" + "8002" + "e001" + "1e000000" + "01000000"
                + "02000000" + "00000000", Hex.hex(out.toByteArray()));
    }

    @Test
    void framesRoundTripThroughAStream(TestSeed seed) {
        Random rnd = new Random(seed.value());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> frames = new ArrayList<>();
        try (IvfWriter w = new IvfWriter(out, IvfHeader.forRtp(IvfHeader.AV1, 1280, 720))) {
            for (int i = 0; i < 50; i++) {
                byte[] f = new byte[1 + rnd.nextInt(5000)];
                rnd.nextBytes(f);
                frames.add(f);
                w.write(i * 3000L, ByteBuffer.wrap(f));
            }
        }
        IvfReader r = new IvfReader(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(IvfHeader.AV1, r.header().fourcc());
        assertEquals(90_000, r.header().timebaseDenominator());
        for (int i = 0; i < frames.size(); i++) {
            IvfFrame f = r.next().orElseThrow();
            assertEquals(i * 3000L, f.timestamp());
            assertArrayEquals(frames.get(i), f.bytes());
        }
        assertTrue(r.next().isEmpty());
    }

    @Test
    void fileWriterPatchesTheFrameCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.ivf");
        try (IvfWriter w = IvfWriter.create(file, IvfHeader.forRtp(IvfHeader.VP9, 320, 240))) {
            for (int i = 0; i < 7; i++) {
                w.write(i, ByteBuffer.wrap(new byte[] {(byte) i}));
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            IvfReader r = new IvfReader(in);
            assertEquals(7, r.header().frameCount());
            assertEquals(IvfHeader.VP9, r.header().fourcc());
        }
    }

    @Test
    void malformedFilesAndCallerMistakesAreReported() {
        assertThrows(MediaFormatException.class, () -> new IvfReader(new ByteArrayInputStream(new byte[10])));
        byte[] notIvf = new byte[32];
        assertThrows(MediaFormatException.class, () -> new IvfReader(new ByteArrayInputStream(notIvf)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IvfWriter w = new IvfWriter(out, IvfHeader.forRtp(IvfHeader.VP8, 2, 2));
        w.write(10, ByteBuffer.wrap(new byte[100]));
        assertThrows(IllegalArgumentException.class, () -> w.write(9, ByteBuffer.wrap(new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> w.write(11, ByteBuffer.allocate(0)));
        byte[] file = out.toByteArray();
        IvfReader truncated = new IvfReader(new ByteArrayInputStream(java.util.Arrays.copyOf(file, file.length - 1)));
        MediaFormatException e = assertThrows(MediaFormatException.class, truncated::next);
        assertTrue(e.getMessage().contains("offset 32"), e.getMessage());
    }
}
