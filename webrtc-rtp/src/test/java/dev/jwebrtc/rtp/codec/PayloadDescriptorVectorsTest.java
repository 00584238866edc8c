package dev.jwebrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VP8 (RFC 7741 §4.2) and VP9 (RFC 9628 §4.2) payload descriptors built from the RFC layouts, both directions. */
class PayloadDescriptorVectorsTest {

    private static byte[] write(Vp8PayloadDescriptor d) {
        ByteBuffer b = ByteBuffer.allocate(d.encodedLength());
        d.writeTo(b);
        return b.array();
    }

    private static byte[] write(Vp9PayloadDescriptor d) {
        ByteBuffer b = ByteBuffer.allocate(d.encodedLength());
        d.writeTo(b);
        return b.array();
    }

    @Test
    void vp8AllOptionalFields() {
        // X=1 S=1 PID=0 | I L T K | M=1 PictureID=0x1234 | TL0PICIDX=5 | TID=1 Y=1 KEYIDX=5
        byte[] wire = Hex.bytes("90 f0 9234 05 65");
        Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(ByteBuffer.wrap(wire)).orElseThrow();
        assertEquals(new Vp8PayloadDescriptor(true, false, true, 0, 0x1234, true, 5, 1, true, 5), d);
        assertEquals(6, d.encodedLength());
        assertArrayEquals(wire, write(d));
    }

    @Test
    void vp8MinimalAndShortPictureId() {
        Vp8PayloadDescriptor min = Vp8PayloadDescriptor.parse(ByteBuffer.wrap(Hex.bytes("10"))).orElseThrow();
        assertTrue(min.startOfPartition());
        assertEquals(-1, min.pictureId());
        assertEquals(1, min.encodedLength());
        // N=1, PID=3, I with 7-bit picture id 0x7f; K only: KEYIDX=31 without TID
        byte[] wire = Hex.bytes("a3 90 7f 1f");
        Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(ByteBuffer.wrap(wire)).orElseThrow();
        assertEquals(new Vp8PayloadDescriptor(true, true, false, 3, 0x7f, false, -1, -1, false, 31), d);
        assertArrayEquals(wire, write(d));
        assertTrue(Vp8PayloadDescriptor.parse(ByteBuffer.wrap(Hex.bytes("90 80 92"))).isEmpty()); // truncated
    }

    @Test
    void vp8KeyframeComesFromTheFrameTag() {
        Vp8Codec c = new Vp8Codec();
        assertTrue(c.isKeyframe(List.of(ByteBuffer.wrap(Hex.bytes("10 5000 9d012a")))));
        assertEquals(false, c.isKeyframe(List.of(ByteBuffer.wrap(Hex.bytes("10 5100")))));
        assertEquals(false, c.isKeyframe(List.of(ByteBuffer.wrap(Hex.bytes("00 5000"))))); // not S=1
    }

    @Test
    void vp9FlexibleModeWithReferenceDiffs() {
        // I P L F B . . . | M PictureID 0x0102 | TID=2 U=1 SID=1 D=1 | P_DIFF 3 (N=1), P_DIFF 1 (N=0)
        byte[] wire = Hex.bytes("f8 8102 53 07 02");
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(ByteBuffer.wrap(wire)).orElseThrow();
        assertTrue(d.flexibleMode());
        assertTrue(d.interPicturePredicted());
        assertTrue(d.beginningOfFrame());
        assertEquals(0x0102, d.pictureId());
        assertEquals(2, d.temporalLayer());
        assertTrue(d.switchingUp());
        assertEquals(1, d.spatialLayer());
        assertTrue(d.interLayerDependency());
        assertEquals(List.of(3, 1), d.referenceDiffs());
        assertEquals(-1, d.tl0PicIdx());
        assertArrayEquals(wire, write(d));
    }

    @Test
    void vp9NonFlexibleWithScalabilityStructure() {
        // I . L . B E V . | PictureID 0x05 | TID=0 SID=0 | TL0PICIDX=9 | SS: N_S=1 (2 layers) Y G,
        // 320x180 and 640x360, N_G=2: (TID 0, U 0, R 1, P_DIFF 2), (TID 1, U 1, R 0)
        byte[] wire = Hex.bytes("ae 05 00 09 38 014000b4 02800168 02 04 02 30");
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(ByteBuffer.wrap(wire)).orElseThrow();
        Vp9ScalabilityStructure ss = d.scalability();
        assertEquals(2, ss.spatialLayers());
        assertEquals(List.of(new Vp9ScalabilityStructure.Resolution(320, 180),
                new Vp9ScalabilityStructure.Resolution(640, 360)), ss.resolutions());
        assertEquals(List.of(new Vp9ScalabilityStructure.PictureGroupEntry(0, false, List.of(2)),
                new Vp9ScalabilityStructure.PictureGroupEntry(1, true, List.of())), ss.pictureGroup());
        assertEquals(9, d.tl0PicIdx());
        assertTrue(d.endOfFrame());
        assertArrayEquals(wire, write(d));
    }

    @Test
    void vp9MalformedDescriptorsAreRejected() {
        assertTrue(Vp9PayloadDescriptor.parse(ByteBuffer.wrap(Hex.bytes("58 01 03 05 07"))).isEmpty()); // 4 P_DIFFs
        assertTrue(Vp9PayloadDescriptor.parse(ByteBuffer.wrap(Hex.bytes("50 00"))).isEmpty()); // P_DIFF 0
        assertTrue(Vp9PayloadDescriptor.parse(ByteBuffer.wrap(Hex.bytes("0a 30 0140"))).isEmpty()); // SS truncated
        assertThrows(IllegalArgumentException.class, () -> new Vp9PayloadDescriptor(true, true, true, true, false,
                1, true, -1, false, -1, false, -1, List.of(), null)); // flexible P without P_DIFF
    }

    @Test
    void vp9PayloaderSendsScalabilityStructureWithFrameSizeOnKeyframes() {
        java.util.Random rnd = new java.util.Random(1);
        Vp9Codec codec = new Vp9Codec(7);
        List<byte[]> key = codec.payload(ByteBuffer.wrap(TestFrames.vp9(rnd, 3000, true, 1280, 720)), 1000);
        Vp9PayloadDescriptor first = Vp9PayloadDescriptor.parse(ByteBuffer.wrap(key.get(0))).orElseThrow();
        assertEquals(List.of(new Vp9ScalabilityStructure.Resolution(1280, 720)), first.scalability().resolutions());
        assertEquals(7, first.pictureId());
        Vp9PayloadDescriptor second = Vp9PayloadDescriptor.parse(ByteBuffer.wrap(key.get(1))).orElseThrow();
        assertNull(second.scalability());
        List<byte[]> inter = codec.payload(ByteBuffer.wrap(TestFrames.vp9(rnd, 500, false, 0, 0)), 1000);
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(ByteBuffer.wrap(inter.get(0))).orElseThrow();
        assertEquals(List.of(1), d.referenceDiffs());
        assertEquals(8, d.pictureId());
        assertTrue(d.endOfFrame());
        assertThrows(IllegalArgumentException.class, () -> codec.payload(ByteBuffer.wrap(Hex.bytes("00")), 1000));
    }
}
