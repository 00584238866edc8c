package dev.jwebrtc.rtp.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.rtp.codec.OpusCodec;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ogg Opus files (RFC 7845) written and read back, page CRCs and granule positions checked. */
class OggOpusRoundTripTest {

    @Test
    void crcMatchesTheOggReferenceValue() {
        // The CRC of the ASCII string "123456789" with this CRC-32 variant (non-reflected, init 0, no xor) is 0x89a1897f
        byte[] s = "123456789".getBytes();
        assertEquals(0x89a1897f, OggCrc.update(0, s, 0, s.length));
    }

    @Test
    void firstPageIsOpusHeadAloneWithBeginningOfStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OggOpusWriter(out, OpusHead.of(2), new OpusTags("jwebrtc", List.of()), 0x01020304).close();
        byte[] b = out.toByteArray();
        // OggS, version 0, BOS, granule 0, serial, page 0, CRC, 1 segment of 19 bytes, OpusHead v1 2ch pre-skip 312
        assertEquals("4f676753" + "00" + "02" + "0000000000000000" + "04030201" + "00000000",
                Hex.hex(java.util.Arrays.copyOf(b, 22)));
        assertEquals("01" + "13" + "4f707573486561640102380180bb0000000000", Hex.hex(java.util.Arrays.copyOfRange(b, 26, 47)));
    }

    @Test
    void opusTocGivesPacketDurations() {
        assertEquals(960, OpusCodec.sampleCount(ByteBuffer.wrap(Hex.bytes("78")))); // config 15: hybrid 20 ms
        assertEquals(960, OpusCodec.sampleCount(ByteBuffer.wrap(Hex.bytes("fc")))); // config 31 CELT 20 ms
        assertEquals(1920, OpusCodec.sampleCount(ByteBuffer.wrap(Hex.bytes("fd")))); // code 1: two frames
        assertEquals(2880, OpusCodec.sampleCount(ByteBuffer.wrap(Hex.bytes("0b03")))); // config 1 SILK 20 ms, code 3, 3 frames
        assertEquals(120, OpusCodec.sampleCount(ByteBuffer.wrap(Hex.bytes("80")))); // config 16: CELT 2.5 ms
        assertEquals(-1, OpusCodec.sampleCount(ByteBuffer.wrap(Hex.bytes("ff"))));
    }

    @Test
    void packetsRoundTripWithGranulePositionsAndEndOfStream(TestSeed seed) {
        Random rnd = new Random(seed.value());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> packets = new ArrayList<>();
        OpusHead head = OpusHead.of(2);
        try (OggOpusWriter w = new OggOpusWriter(out, head, new OpusTags("jwebrtc", List.of("TITLE=test")), 7)) {
            for (int i = 0; i < 237; i++) {
                // config 31 (CELT 20 ms, code 0) followed by random bytes; sometimes longer than 255 (lacing)
                byte[] p = new byte[1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 1500 : 200)];
                rnd.nextBytes(p);
                p[0] = (byte) 0xf8;
                packets.add(p);
                w.write(ByteBuffer.wrap(p));
            }
            assertEquals(312 + 237 * 960L, w.granulePosition());
        }
        OggOpusReader r = new OggOpusReader(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(head, r.head());
        assertEquals(List.of("TITLE=test"), r.tags().comments());
        long lastGranule = -1;
        for (int i = 0; i < packets.size(); i++) {
            OggOpusReader.Packet p = r.next().orElseThrow();
            assertArrayEquals(packets.get(i), p.bytes(), "packet " + i);
            if (p.granulePosition() >= 0) {
                assertEquals(312 + (i + 1) * 960L, p.granulePosition(), "packet " + i);
                lastGranule = p.granulePosition();
            }
        }
        assertTrue(r.next().isEmpty());
        assertEquals(312 + 237 * 960L, lastGranule);
        assertEquals(0, r.pagesLost());
    }

    @Test
    void largeTagsSpanPagesAndStillParse() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String big = "COMMENT=" + "x".repeat(70_000);
        try (OggOpusWriter w = new OggOpusWriter(out, OpusHead.of(1), new OpusTags("v", List.of(big)), 1)) {
            w.write(ByteBuffer.wrap(Hex.bytes("f8aa")));
        }
        OggOpusReader r = new OggOpusReader(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(big, r.tags().comments().get(0));
        assertArrayEquals(Hex.bytes("f8aa"), r.next().orElseThrow().bytes());
    }

    @Test
    void corruptedPageFailsItsCrc() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OggOpusWriter w = new OggOpusWriter(out, OpusHead.of(1), new OpusTags("v", List.of()), 1)) {
            w.write(ByteBuffer.wrap(Hex.bytes("f8aabbcc")));
        }
        byte[] b = out.toByteArray();
        b[b.length - 1] ^= 1;
        OggOpusReader r = new OggOpusReader(new ByteArrayInputStream(b));
        MediaFormatException e = assertThrows(MediaFormatException.class, r::next);
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
        assertThrows(MediaFormatException.class, () -> new OggOpusReader(new ByteArrayInputStream(new byte[0])));
    }
}
