package dev.jwebrtc.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SR, RR, SDES, BYE, APP and XR laid out as in RFC 3550 §6.4-§6.7 and RFC 3611 §4.4/§4.5, byte-exact both ways. */
class RtcpReportsRoundTripTest {

    // RFC 3550 §6.4.1: SR with one report block
    static final String SR = "81c8000c 11223344 e1a2b3c4d5e6f708 00010203 00000064 00001000"
            + " 55667788 10fffffe 00020010 00000020 b3c4d5e6 00010000";
    // RFC 3550 §6.4.2: RR without blocks (what a compound starts with when nothing was received)
    static final String RR_EMPTY = "80c90001 11223344";
    // RFC 3550 §6.5: SDES with CNAME "abc" (2+3 = 5 item bytes + ssrc 4 = 9, one null, padded to 12)
    static final String SDES = "81ca0003 11223344 0103616263 000000";
    // RFC 3550 §6.6: BYE with two sources and reason "bye"
    static final String BYE = "82cb0003 11223344 55667788 03627965";
    // RFC 3550 §6.7: APP subtype 3 name "TEST" with 4 data bytes
    static final String APP = "83cc0003 11223344 54455354 01020304";
    // RFC 3611 §4.4 RRTR + §4.5 DLRR with one sub-block
    static final String XR = "80cf0008 11223344 04000002 e1a2b3c4d5e6f708 05000003 55667788 b3c4d5e6 00008000";

    private static List<RtcpPacket> parse(String hex) {
        return RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes(hex))).orElseThrow();
    }

    private static void assertRoundTrip(String hex) {
        byte[] wire = Hex.bytes(hex);
        List<RtcpPacket> packets = RtcpCompound.parse(ByteBuffer.wrap(wire)).orElseThrow();
        assertArrayEquals(wire, RtcpCompound.encode(packets), "re-encoding " + packets);
    }

    @Test
    void senderReportFieldsAndReportBlock() {
        SenderReport sr = assertInstanceOf(SenderReport.class, parse(SR).get(0));
        assertEquals(0x11223344L, sr.ssrc());
        assertEquals(0xe1a2b3c4d5e6f708L, sr.ntpTimestamp());
        assertEquals(0xb3c4d5e6L, sr.compactNtp());
        assertEquals(0x00010203L, sr.rtpTimestamp());
        assertEquals(100, sr.packetCount());
        assertEquals(4096, sr.octetCount());
        ReportBlock rb = sr.reports().get(0);
        assertEquals(new ReportBlock(0x55667788L, 16, -2, 0x00020010L, 32, 0xb3c4d5e6L, 65536), rb);
        assertRoundTrip(SR);
    }

    @Test
    void emptyReceiverReport() {
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, parse(RR_EMPTY).get(0));
        assertEquals(List.of(), rr.reports());
        assertRoundTrip(RR_EMPTY);
    }

    @Test
    void sdesCnameWithChunkPadding() {
        SourceDescription sdes = assertInstanceOf(SourceDescription.class, parse(SDES).get(0));
        assertEquals("abc", sdes.cname(0x11223344L).orElseThrow());
        assertRoundTrip(SDES);
        assertArrayEquals(Hex.bytes(SDES), SourceDescription.cname(0x11223344L, "abc").toByteArray());
        // a 2-byte CNAME makes the item end on a word boundary minus one: exactly one null octet
        assertEquals(4 + 12, SourceDescription.cname(1, "ab").encodedLength());
        // a 3+... boundary case: items end exactly on a boundary, a whole word of nulls follows
        assertEquals(4 + 16, SourceDescription.cname(1, "abcdef").encodedLength());
    }

    @Test
    void byeWithReasonAndWithout() {
        Goodbye bye = assertInstanceOf(Goodbye.class, parse(BYE).get(0));
        assertEquals(List.of(0x11223344L, 0x55667788L), bye.ssrcs());
        assertEquals("bye", bye.reason());
        assertRoundTrip(BYE);
        Goodbye plain = assertInstanceOf(Goodbye.class, parse("81cb0001 11223344").get(0));
        assertNull(plain.reason());
        assertRoundTrip("81cb0001 11223344");
    }

    @Test
    void appKeepsSubtypeNameAndData() {
        ApplicationDefined app = assertInstanceOf(ApplicationDefined.class, parse(APP).get(0));
        assertEquals(3, app.subtype());
        assertEquals("TEST", app.name());
        assertEquals(ByteBuffer.wrap(Hex.bytes("01020304")), app.data());
        assertRoundTrip(APP);
        assertThrows(IllegalArgumentException.class, () -> new ApplicationDefined(0, 1, "TOOLONG", ByteBuffer.allocate(0)));
    }

    @Test
    void extendedReportWithRrtrAndDlrr() {
        ExtendedReport xr = assertInstanceOf(ExtendedReport.class, parse(XR).get(0));
        XrBlock.ReceiverReferenceTime rrtr = assertInstanceOf(XrBlock.ReceiverReferenceTime.class, xr.blocks().get(0));
        assertEquals(0xb3c4d5e6L, rrtr.compactNtp());
        XrBlock.Dlrr dlrr = assertInstanceOf(XrBlock.Dlrr.class, xr.blocks().get(1));
        assertEquals(List.of(new XrBlock.DlrrSubBlock(0x55667788L, 0xb3c4d5e6L, 0x8000)), dlrr.subBlocks());
        assertRoundTrip(XR);
    }

    @Test
    void unknownXrBlockAndUnknownPacketTypeArePreserved() {
        String unknownBlock = "80cf0003 11223344 07ab0001 cafebabe";
        ExtendedReport xr = assertInstanceOf(ExtendedReport.class, parse(unknownBlock).get(0));
        assertInstanceOf(XrBlock.Unknown.class, xr.blocks().get(0));
        assertRoundTrip(unknownBlock);
        String unknownType = "85d00002 01020304 05060708";
        UnknownRtcpPacket u = assertInstanceOf(UnknownRtcpPacket.class, parse(unknownType).get(0));
        assertEquals(208, u.packetType());
        assertEquals(5, u.count());
        assertRoundTrip(unknownType);
    }

    @Test
    void compoundOfSrSdesByeIsAFullCompound() {
        String compound = SR + SDES + BYE;
        List<RtcpPacket> packets = parse(compound);
        assertEquals(3, packets.size());
        assertTrue(RtcpCompound.isFullCompound(packets));
        assertRoundTrip(compound);
        assertFalse(RtcpCompound.isFullCompound(parse(SDES)));
        assertFalse(RtcpCompound.isFullCompound(parse(RR_EMPTY)));
    }

    @Test
    void reducedSizeSinglePacketIsAccepted() {
        // RFC 5506 §3: a lone PLI, not starting with SR/RR
        List<RtcpPacket> packets = parse("81ce0002 11223344 55667788");
        assertEquals(List.of(new PictureLossIndication(0x11223344L, 0x55667788L)), packets);
        assertFalse(RtcpCompound.isFullCompound(packets));
    }

    @Test
    void paddingOnLastPacketIsStripped() {
        // RR with P bit and 4 bytes of padding (count byte 4)
        List<RtcpPacket> packets = parse(SDES + "a0c90002 11223344 00000004");
        assertEquals(new ReceiverReport(0x11223344L, List.of()), packets.get(1));
    }
}
