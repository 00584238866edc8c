package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packets built by hand from the RFC 3550 §5.1 and RFC 8285 §4.2/§4.3 figures, parsed and re-encoded byte-exactly. */
class RtpPacketRfcVectorsTest {

    // RFC 3550 §5.1: V=2 P=0 X=0 CC=0 M=1 PT=96 seq=0x1234 ts=0xDEADBEEF ssrc=0x01020304, payload 3 bytes
    private static final byte[] PLAIN = Hex.bytes("80e0 1234 deadbeef 01020304 aabbcc");

    // V=2 P=1 X=0 CC=2 M=0 PT=111, two CSRCs, payload 2 bytes, 4 bytes padding (count byte 4)
    private static final byte[] CSRC_PADDED = Hex.bytes(
            "a26f 0001 00000010 11111111 22222222 33333333 0102 00000004");

    // RFC 8285 §4.2 figure: one-byte form, length=3 words: ID 1 L=0 (1 byte), ID 2 L=1 (2 bytes), two pad bytes,
    // ID 3 L=3 (4 bytes).
    private static final byte[] ONE_BYTE_EXT = Hex.bytes(
            "9060 0007 00000100 cafebabe bede0003 10aa 21bbcc 0000 33 01020304 ff");

    // RFC 8285 §4.3 figure: two-byte form, length=3 words: ID 1 L=0, ID 2 L=1 + data, pad, ID 3 L=4 + data.
    private static final byte[] TWO_BYTE_EXT = Hex.bytes(
            "9060 0008 00000100 cafebabe 10000003 0100 0201 dd 00 0304 01020304 ee");

    @Test
    void parsesFixedHeaderFields() {
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(PLAIN)).orElseThrow();
        assertTrue(p.marker());
        assertEquals(96, p.payloadType());
        assertEquals(0x1234, p.sequenceNumber());
        assertEquals(0xDEADBEEFL, p.timestamp());
        assertEquals(0x01020304L, p.ssrc());
        assertEquals(List.of(), p.header().csrcs());
        assertNull(p.header().extensions());
        assertEquals(0, p.paddingLength());
        assertArrayEquals(Hex.bytes("aabbcc"), p.payloadBytes());
        assertArrayEquals(PLAIN, p.toByteArray());
    }

    @Test
    void keepsCsrcsAndPaddingAndCanStripPadding() {
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(CSRC_PADDED)).orElseThrow();
        assertEquals(List.of(0x22222222L, 0x33333333L), p.header().csrcs());
        assertEquals(4, p.paddingLength());
        assertArrayEquals(Hex.bytes("0102"), p.payloadBytes());
        assertArrayEquals(CSRC_PADDED, p.toByteArray());
        byte[] stripped = p.withoutPadding().toByteArray();
        assertArrayEquals(Hex.bytes("826f 0001 00000010 11111111 22222222 33333333 0102"), stripped);
    }

    @Test
    void decodesOneByteExtensionFigure() {
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(ONE_BYTE_EXT)).orElseThrow();
        RtpHeaderExtensions ext = p.header().extensions();
        assertTrue(ext.isOneByte());
        List<RtpExtensionElement> els = ext.elements();
        assertEquals(3, els.size());
        assertEquals(1, els.get(0).id());
        assertArrayEquals(Hex.bytes("aa"), els.get(0).bytes());
        assertEquals(2, els.get(1).id());
        assertArrayEquals(Hex.bytes("bbcc"), els.get(1).bytes());
        assertEquals(3, els.get(2).id());
        assertArrayEquals(Hex.bytes("01020304"), els.get(2).bytes());
        assertArrayEquals(Hex.bytes("ff"), p.payloadBytes());
        assertArrayEquals(ONE_BYTE_EXT, p.toByteArray());
    }

    @Test
    void decodesTwoByteExtensionFigureIncludingEmptyValue() {
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(TWO_BYTE_EXT)).orElseThrow();
        RtpHeaderExtensions ext = p.header().extensions();
        assertTrue(ext.isTwoByte());
        List<RtpExtensionElement> els = ext.elements();
        assertEquals(3, els.size());
        assertEquals(0, els.get(0).data().remaining());
        assertArrayEquals(Hex.bytes("dd"), els.get(1).bytes());
        assertArrayEquals(Hex.bytes("01020304"), els.get(2).bytes());
        assertArrayEquals(Hex.bytes("ee"), p.payloadBytes());
        assertArrayEquals(TWO_BYTE_EXT, p.toByteArray());
    }

    @Test
    void oneByteIdFifteenStopsElementParsing() {
        RtpHeaderExtensions ext = new RtpHeaderExtensions(0xBEDE, ByteBuffer.wrap(Hex.bytes("10aa f0 20bb 00 00 00")));
        assertEquals(1, ext.elements().size());
    }

    @Test
    void builderPicksOneByteFormWhenEverythingFits() {
        RtpHeaderExtensions ext = RtpHeaderExtensions.of(List.of(
                new SdesMid("0").toElement(4), new TransportSequenceNumber(0x0102).toElement(3)));
        assertEquals(0xBEDE, ext.profile());
        assertEquals("4030" + "310102" + "000000", Hex.hex(bodyBytes(ext))); // 5 bytes padded to 8
    }

    @Test
    void builderFallsBackToTwoByteFormForLongValuesOrHighIds() {
        RtpHeaderExtensions longValue = RtpHeaderExtensions.of(List.of(RtpExtensionElement.of(1, new byte[17])));
        assertTrue(longValue.isTwoByte());
        assertEquals(20, longValue.body().remaining()); // 2 + 17, padded to 20
        RtpHeaderExtensions highId = RtpHeaderExtensions.of(List.of(new AudioLevel(true, 30).toElement(15)));
        assertTrue(highId.isTwoByte());
        assertEquals("0f019e00", Hex.hex(bodyBytes(highId)));
        RtpHeaderExtensions empty = RtpHeaderExtensions.of(List.of(RtpExtensionElement.of(2, new byte[0])));
        assertTrue(empty.isTwoByte());
        assertFalse(empty.isOneByte());
    }

    @Test
    void writesIntoCallersBufferAtItsPosition() {
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(ONE_BYTE_EXT)).orElseThrow();
        ByteBuffer out = ByteBuffer.allocate(100);
        out.position(10);
        assertEquals(ONE_BYTE_EXT.length, p.writeTo(out));
        assertEquals(10 + ONE_BYTE_EXT.length, out.position());
        byte[] written = new byte[ONE_BYTE_EXT.length];
        out.flip().position(10);
        out.get(written);
        assertArrayEquals(ONE_BYTE_EXT, written);
    }

    @Test
    void payloadIsAViewNotACopy() {
        byte[] wire = PLAIN.clone();
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(wire)).orElseThrow();
        wire[12] = 0x11;
        assertEquals(0x11, p.payload().get(p.payload().position()));
        RtpPacket copy = p.copy();
        wire[12] = 0x22;
        assertEquals(0x11, copy.payload().get(copy.payload().position()));
    }

    @Test
    void parsesAtNonZeroPositionWithoutMovingIt() {
        ByteBuffer buf = ByteBuffer.allocate(PLAIN.length + 5);
        buf.position(5);
        buf.put(PLAIN);
        buf.position(5);
        RtpPacket p = RtpPacket.parse(buf).orElseThrow();
        assertEquals(5, buf.position());
        assertArrayEquals(PLAIN, p.toByteArray());
    }

    private static byte[] bodyBytes(RtpHeaderExtensions ext) {
        byte[] b = new byte[ext.body().remaining()];
        ext.body().duplicate().get(b);
        return b;
    }
}
