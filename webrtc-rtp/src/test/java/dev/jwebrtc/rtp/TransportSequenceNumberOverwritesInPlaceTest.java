package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A forwarder restamps the transport-wide sequence number in place, in both RFC 8285 forms, and touches nothing when
 * the packet lacks a well-formed element for the id.
 */
class TransportSequenceNumberOverwritesInPlaceTest {

    private static byte[] packet(RtpHeaderExtensions ext, int csrcs) {
        List<Long> cs = csrcs == 0 ? List.of() : List.of(1L, 2L).subList(0, csrcs);
        return RtpPacket.of(new RtpHeader(false, 96, 1, 2, 3, cs, ext), new byte[] {1, 2, 3}).toByteArray();
    }

    private static int transportSequence(byte[] wire, int id) {
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(wire)).orElseThrow();
        return TransportSequenceNumber.parse(p.header().extensions().find(id).orElseThrow()).orElseThrow()
                .sequenceNumber();
    }

    @Test
    void chromiumOneByteHeaderGetsTheNewNumberAndNothingElseChanges() {
        // RTP header from a Chromium capture: abs-send-time id 2, transport-cc id 4 (0x009b), id 13 after it
        byte[] wire = Hex.bytes("902d1a5f d4090549 f7b16e83 bede0003 22f34350 41009b d2810045 00");
        byte[] before = wire.clone();
        assertTrue(TransportSequenceNumber.overwriteInPacket(ByteBuffer.wrap(wire), 4, 0x1_ABCD));
        assertEquals(0xABCD, transportSequence(wire, 4));
        before[21] = (byte) 0xAB;
        before[22] = (byte) 0xCD;
        assertArrayEquals(before, wire);
    }

    @Test
    void twoByteFormAfterCsrcsAndPaddingBytes() {
        RtpHeaderExtensions ext = RtpHeaderExtensions.twoByte(List.of(
                new RtpExtensionElement(20, ByteBuffer.allocate(0)), new SdesMid("a-long-mid-value").toElement(1),
                new TransportSequenceNumber(7).toElement(200)), 0);
        byte[] wire = packet(ext, 2);
        ByteBuffer at = ByteBuffer.allocate(wire.length + 10);
        at.position(5);
        at.put(wire).flip().position(5);
        assertTrue(TransportSequenceNumber.overwriteInPacket(at, 200, 65535));
        byte[] out = new byte[wire.length];
        at.get(5, out);
        assertEquals(65535, transportSequence(out, 200));
        assertEquals(5, at.position());
    }

    @Test
    void missingWrongLengthOrTruncatedElementsAreLeftAlone() {
        byte[] noExtension = packet(null, 0);
        byte[] otherId = packet(RtpHeaderExtensions.of(List.of(new SdesMid("0").toElement(4))), 1);
        byte[] wrongLength = packet(RtpHeaderExtensions.of(List.of(
                new RtpExtensionElement(3, ByteBuffer.wrap(new byte[] {1, 2, 3})))), 0);
        byte[] truncated = packet(RtpHeaderExtensions.of(List.of(new TransportSequenceNumber(9).toElement(3))), 0);
        truncated = java.util.Arrays.copyOf(truncated, 17); // extension block announced, body cut
        for (byte[] wire : List.of(noExtension, otherId, wrongLength, truncated, new byte[5])) {
            byte[] copy = wire.clone();
            assertFalse(TransportSequenceNumber.overwriteInPacket(ByteBuffer.wrap(wire), 3, 1));
            assertArrayEquals(copy, wire);
        }
        assertThrows(IllegalArgumentException.class,
                () -> RtpHeaderExtensions.valueOffset(ByteBuffer.wrap(noExtension), 0, 2));
    }

    @Test
    void elementsStillDecodeAfterTheScanWasShared() {
        byte[] wire = Hex.bytes("902d1a5f d4090549 f7b16e83 bede0003 22f34350 41009b d2810045 00");
        List<RtpExtensionElement> els = RtpPacket.parse(ByteBuffer.wrap(wire)).orElseThrow().header().extensions()
                .elements();
        assertEquals(List.of(2, 4, 13), els.stream().map(RtpExtensionElement::id).toList());
        assertEquals(RtpHeader.FIXED_LENGTH + 4 + 5, RtpHeaderExtensions.valueOffset(ByteBuffer.wrap(wire), 4, 2));
        assertEquals(-1, RtpHeaderExtensions.valueOffset(ByteBuffer.wrap(wire), 4, 3));
    }
}
