package dev.jwebrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** H.264 (RFC 6184 §5.6-§5.8 figures) and AV1 (AOM RTP spec §4.4) payloads built by hand. */
class H264AndAv1PayloadVectorsTest {

    private static List<ByteBuffer> bufs(String... hex) {
        return java.util.Arrays.stream(hex).map(h -> ByteBuffer.wrap(Hex.bytes(h))).toList();
    }

    @Test
    void stapAWithSpsPpsAndIdrIsAKeyframe() {
        // RFC 6184 §5.7.1 Figure 7: STAP-A header, then (size, NAL) pairs
        List<ByteBuffer> p = bufs("78 0004 6742001f 0002 68ce 0003 658884");
        H264Codec c = new H264Codec();
        assertArrayEquals(Hex.bytes("00000001 6742001f 00000001 68ce 00000001 658884"), c.depacketize(p).orElseThrow());
        assertTrue(c.isKeyframe(p));
        assertTrue(c.isFrameStart(p.get(0)));
    }

    @Test
    void fuAFragmentsAreJoinedWithReconstructedHeader() {
        // RFC 6184 §5.8: FU indicator NRI=3 type 28; FU headers S/E with type 5
        List<ByteBuffer> p = bufs("7c 85 0102", "7c 05 0304", "7c 45 05");
        H264Codec c = new H264Codec();
        assertArrayEquals(Hex.bytes("00000001 65 0102030405"), c.depacketize(p).orElseThrow());
        assertTrue(c.isKeyframe(p));
        assertFalse(c.isFrameStart(p.get(1)));
    }

    @Test
    void brokenFuAAndInterleavedModesAreRejected() {
        H264Codec c = new H264Codec();
        assertTrue(c.depacketize(bufs("7c 05 0304", "7c 45 05")).isEmpty()); // no start fragment
        assertTrue(c.depacketize(bufs("7c 85 0102", "7c 05 0304")).isEmpty()); // no end fragment
        assertTrue(c.depacketize(bufs("7c c5 0102")).isEmpty()); // S and E together
        assertTrue(c.depacketize(bufs("78 0009 67")).isEmpty()); // STAP-A size past the end
        assertTrue(c.depacketize(bufs("79 0000 0001 67")).isEmpty()); // STAP-B
        assertTrue(c.depacketize(bufs("7d 85 0000 01")).isEmpty()); // FU-B
    }

    @Test
    void payloaderAggregatesSmallUnitsAndFragmentsLargeOnes() {
        H264Codec c = new H264Codec();
        byte[] big = new byte[30];
        java.util.Arrays.fill(big, (byte) 0x11);
        big[0] = 0x65;
        byte[] au = concat(Hex.bytes("00000001 09f0 00000001 67420a 000001 68ce 00000001"), big);
        List<byte[]> payloads = c.payload(ByteBuffer.wrap(au), 14);
        // AUD dropped; SPS+PPS in one STAP-A (NRI of SPS=3); IDR (31 bytes) fragmented into 12-byte FU-A pieces
        assertEquals("7800036742" + "0a0002" + "68ce", Hex.hex(payloads.get(0)));
        assertEquals("7c85" + "11".repeat(12), Hex.hex(payloads.get(1)));
        assertEquals("7c05" + "11".repeat(12), Hex.hex(payloads.get(2)));
        assertEquals("7c45" + "11".repeat(5), Hex.hex(payloads.get(3)));
        // a later IDR without parameter sets gets the cached ones in front
        List<byte[]> again = c.payload(ByteBuffer.wrap(Hex.bytes("00000001 6588")), 100);
        assertEquals("78" + "000367420a" + "000268ce" + "00026588", Hex.hex(again.get(0)));
    }

    @Test
    void av1ElementsWithAndWithoutLengthFields() {
        Av1Codec c = new Av1Codec();
        // W=2: first element with length (sequence header OBU 0x08 + 2 bytes), last without (frame OBU 0x30 + 3)
        List<ByteBuffer> w2 = bufs("28 03 08aabb 30010203");
        assertArrayEquals(Hex.bytes("0a02aabb 3203010203"), c.depacketize(w2).orElseThrow());
        assertTrue(c.isKeyframe(w2));
        // W=0: every element has a length
        List<ByteBuffer> w0 = bufs("00 03 08aabb 04 30010203");
        assertArrayEquals(Hex.bytes("0a02aabb 3203010203"), c.depacketize(w0).orElseThrow());
        assertFalse(c.isKeyframe(w0));
    }

    @Test
    void av1FragmentAcrossPacketsWithZAndY() {
        Av1Codec c = new Av1Codec();
        // packet 1: Y=1 W=1, one element starting a frame OBU; packet 2: Z=1 W=1, its tail; extension header kept
        List<ByteBuffer> p = bufs("50 3408 0102", "90 0304");
        assertArrayEquals(Hex.bytes("3608 04 01020304"), c.depacketize(p).orElseThrow());
        assertTrue(c.isFrameStart(p.get(0)));
        assertFalse(c.isFrameStart(p.get(1)));
        assertTrue(c.depacketize(bufs("90 0304")).isEmpty()); // continuation without its start
        assertTrue(c.depacketize(bufs("50 3408 0102")).isEmpty()); // fragment never finished
        assertTrue(c.depacketize(bufs("30 05 0102")).isEmpty()); // W=3 but one element
        assertTrue(c.depacketize(bufs("00 09 0102")).isEmpty()); // length past the end
    }

    @Test
    void av1PayloaderDropsTemporalDelimiterAndSizeFieldsAndSetsN() {
        Av1Codec c = new Av1Codec();
        byte[] tu = Hex.bytes("1200 0a02aabb 3203010203");
        List<byte[]> payloads = c.payload(ByteBuffer.wrap(tu), 100);
        assertEquals(1, payloads.size());
        assertEquals("28" + "03" + "08aabb" + "30010203", Hex.hex(payloads.get(0))); // W=2, N=1
        List<byte[]> small = c.payload(ByteBuffer.wrap(Hex.bytes("3208 0102030405060708")), 5);
        assertEquals("50" + "300102", Hex.hex(small.get(0))); // Y=1, W=1: the lone element has no length
        assertEquals("d0" + "030405", Hex.hex(small.get(1))); // Z=1, Y=1
        assertEquals("90" + "060708", Hex.hex(small.get(2))); // Z=1, W=1
        assertArrayEquals(Hex.bytes("3208 0102030405060708"),
                c.depacketize(small.stream().map(ByteBuffer::wrap).toList()).orElseThrow());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
