package dev.jwebrtc.rtp.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** H.264 Annex B streams: NAL splitting across read boundaries and access unit grouping (H.264 §7.4.1.2.3). */
class AnnexBRoundTripTest {

    private static String hexOf(List<ByteBuffer> nals) {
        StringBuilder sb = new StringBuilder();
        for (ByteBuffer n : nals) {
            byte[] b = new byte[n.remaining()];
            n.duplicate().get(b);
            sb.append(sb.length() == 0 ? "" : " ").append(Hex.hex(b));
        }
        return sb.toString();
    }

    @Test
    void groupsNalUnitsIntoAccessUnits() {
        // AU1: SPS PPS IDR(first_mb 0) IDR(first_mb 1); AU2: slice(first_mb 0); AU3: AUD, slice; 3- and 4-byte codes
        byte[] stream = Hex.bytes("00000001 6742 000001 68ce 00000001 6588 000001 6540 00000001 419a 000001 0910"
                + " 000001 419b 0000");
        AnnexBReader r = new AnnexBReader(new ByteArrayInputStream(stream));
        assertEquals("6742 68ce 6588 6540", hexOf(r.nextAccessUnit().orElseThrow()));
        assertEquals("419a", hexOf(r.nextAccessUnit().orElseThrow()));
        assertEquals("0910 419b", hexOf(r.nextAccessUnit().orElseThrow()));
        assertTrue(r.nextAccessUnit().isEmpty());
    }

    @Test
    void nalUnitsSurviveTinyReadsAndRoundTripThroughTheWriter(TestSeed seed) {
        Random rnd = new Random(seed.value());
        List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnnexBWriter w = new AnnexBWriter(out)) {
            for (int i = 0; i < 300; i++) {
                byte[] n = new byte[1 + rnd.nextInt(rnd.nextInt(20) == 0 ? 200_000 : 300)];
                rnd.nextBytes(n);
                for (int k = 0; k < n.length; k++) { // no emulated start codes, no trailing zero
                    if (n[k] == 0 && (k == n.length - 1 || (k > 0 && n[k - 1] == 0))) {
                        n[k] = 3;
                    }
                }
                n[0] = (byte) (0x41 | (n[0] & 0x60) & 0x7F);
                nals.add(n);
                w.writeNalUnit(ByteBuffer.wrap(n));
            }
        }
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(out.toByteArray())) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(7000)));
            }
        };
        AnnexBReader r = new AnnexBReader(trickle);
        for (int i = 0; i < nals.size(); i++) {
            ByteBuffer n = r.nextNalUnit().orElseThrow();
            byte[] got = new byte[n.remaining()];
            n.get(got);
            assertArrayEquals(nals.get(i), got, "NAL " + i + " seed " + seed.value());
        }
        assertTrue(r.nextNalUnit().isEmpty());
    }

    @Test
    void writerNormalisesStartCodesOfAnAccessUnit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnnexBWriter w = new AnnexBWriter(out)) {
            w.writeAccessUnit(ByteBuffer.wrap(Hex.bytes("000001 6742 000001 68ce")));
        }
        assertEquals("000000016742" + "0000000168ce", Hex.hex(out.toByteArray()));
    }

    @Test
    void garbageBeforeTheFirstStartCodeIsSkipped() {
        AnnexBReader r = new AnnexBReader(new ByteArrayInputStream(Hex.bytes("ffee 000001 6588")));
        assertEquals("6588", hexOf(List.of(r.nextNalUnit().orElseThrow())));
        assertTrue(r.nextNalUnit().isEmpty());
        assertTrue(new AnnexBReader(new ByteArrayInputStream(new byte[0])).nextAccessUnit().isEmpty());
    }
}
