package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RTP headers captured from Chromium sessions, with the field values Wireshark decoded for them (published as test
 * data in the olivermichel/webrtc-analysis repository, test/include/data.h). The captures end after the header.
 */
class RtpPacketChromiumHeadersTest {

    private static RtpPacket parse(String hex) {
        byte[] wire = Hex.bytes(hex);
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(wire)).orElseThrow();
        assertArrayEquals(wire, p.toByteArray());
        return p;
    }

    private static void assertElement(RtpExtensionElement e, int id, String value) {
        assertEquals(id, e.id());
        assertEquals(value, Hex.hex(e.bytes()));
    }

    @Test
    void oneByteFormWithAbsSendTimeAndTransportSequenceNumber() {
        RtpPacket p = parse("902d1a5f d4090549 f7b16e83 bede0003 22f34350 41009b d2810045 00");
        assertEquals(45, p.payloadType());
        assertEquals(6751, p.sequenceNumber());
        assertEquals(3557360969L, p.timestamp());
        assertEquals(0xf7b16e83L, p.ssrc());
        List<RtpExtensionElement> els = p.header().extensions().elements();
        assertEquals(3, els.size());
        assertElement(els.get(0), 2, "f34350");
        assertElement(els.get(1), 4, "009b");
        assertElement(els.get(2), 13, "810045");
        assertEquals(new AbsSendTime(0xf34350), AbsSendTime.parse(els.get(0).data()).orElseThrow());
        assertEquals(new TransportSequenceNumber(0x9b), TransportSequenceNumber.parse(els.get(1).data()).orElseThrow());
    }

    @Test
    void oneByteFormWithSixteenByteValueAndMarker() {
        RtpPacket p = parse("90ad19d4 d405e797 f7b16e83 bede0008 22ea432b 410004 9030 3000 6002"
                + " 7c0100030009000a002300000000 d2400001 00");
        assertTrue(p.marker());
        assertEquals(6612, p.sequenceNumber());
        List<RtpExtensionElement> els = p.header().extensions().elements();
        assertEquals(7, els.size());
        assertElement(els.get(2), 9, "30");
        assertElement(els.get(3), 3, "00");
        assertElement(els.get(4), 6, "02");
        assertElement(els.get(5), 7, "0100030009000a002300000000");
        assertElement(els.get(6), 13, "400001");
    }

    @Test
    void twoByteFormWithAThirtyThreeByteValue() {
        RtpPacket p = parse("902d61c5 950a0fee 8d3814e5 10000011 020303f7ae 04020002 090130 030100 060102"
                + " 070d01000100070007000a00000000"
                + " 0d21c000018003187aaaf130a0a014d1413823046008642222265009f0077013f00ef0");
        assertTrue(p.header().extensions().isTwoByte());
        assertEquals(25029, p.sequenceNumber());
        assertEquals(2500464622L, p.timestamp());
        List<RtpExtensionElement> els = p.header().extensions().elements();
        assertEquals(7, els.size());
        assertElement(els.get(0), 2, "03f7ae");
        assertElement(els.get(5), 7, "01000100070007000a00000000");
        assertElement(els.get(6), 13, "c000018003187aaaf130a0a014d1413823046008642222265009f0077013f00ef0");
        assertEquals(0, p.payload().remaining());
    }
}
