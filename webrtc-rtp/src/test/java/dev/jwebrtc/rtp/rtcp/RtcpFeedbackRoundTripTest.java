package dev.jwebrtc.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Generic NACK, PLI, FIR and REMB laid out as in RFC 4585 §6.2.1/§6.3.1, RFC 5104 §4.3.1 and the REMB draft. */
class RtcpFeedbackRoundTripTest {

    private static RtcpPacket parseOne(String hex) {
        byte[] wire = Hex.bytes(hex);
        List<RtcpPacket> packets = RtcpCompound.parse(ByteBuffer.wrap(wire)).orElseThrow();
        assertEquals(1, packets.size());
        assertArrayEquals(wire, RtcpCompound.encode(packets));
        return packets.get(0);
    }

    @Test
    void genericNackPidAndBlp() {
        // PID 0x0100, BLP 0b101 => lost 256, 257, 259; second item PID 0xffff BLP 1 => 65535, 0
        GenericNack nack = assertInstanceOf(GenericNack.class,
                parseOne("81cd0004 11223344 55667788 01000005 ffff0001"));
        assertEquals(List.of(256, 257, 259, 65535, 0), nack.lostSequenceNumbers());
        assertArrayEquals(Hex.bytes("81cd0004 11223344 55667788 01000005 ffff0001"),
                GenericNack.of(0x11223344L, 0x55667788L, List.of(256, 257, 259, 65535, 0)).toByteArray());
    }

    @Test
    void nackHelperPacksRunsIntoSeventeenPacketWindows() {
        assertEquals(List.of(new NackPair(10, 0xFFFF), new NackPair(27, 0)),
                NackPair.fromSequenceNumbers(range(10, 28)));
        assertEquals(List.of(new NackPair(65534, 0b11)), NackPair.fromSequenceNumbers(List.of(65534, 65535, 0)));
        assertEquals(List.of(new NackPair(5, 0)), NackPair.fromSequenceNumbers(List.of(5, 5)));
        assertEquals(List.of(), NackPair.fromSequenceNumbers(List.of()));
    }

    @Test
    void nackHelperRoundTripsRandomLossSets(TestSeed seed) {
        Random rnd = new Random(seed.value());
        for (int round = 0; round < 500; round++) {
            int start = rnd.nextInt(65536);
            TreeSet<Integer> offsets = new TreeSet<>();
            int n = 1 + rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                offsets.add(rnd.nextInt(200));
            }
            List<Integer> lost = new ArrayList<>();
            offsets.forEach(o -> lost.add((start + o) & 0xFFFF));
            GenericNack nack = GenericNack.of(1, 2, lost);
            GenericNack back = assertInstanceOf(GenericNack.class,
                    RtcpCompound.parse(ByteBuffer.wrap(nack.toByteArray())).orElseThrow().get(0));
            assertEquals(lost, back.lostSequenceNumbers(), "seed " + seed.value() + " round " + round);
        }
    }

    @Test
    void pictureLossIndication() {
        assertEquals(new PictureLossIndication(1, 0xdeadbeefL), parseOne("81ce0002 00000001 deadbeef"));
    }

    @Test
    void fullIntraRequestWithTwoEntries() {
        FullIntraRequest fir = assertInstanceOf(FullIntraRequest.class,
                parseOne("84ce0006 00000001 00000000 aabbccdd 07000000 11111111 ff000000"));
        assertEquals(List.of(new FirEntry(0xaabbccddL, 7), new FirEntry(0x11111111L, 255)), fir.entries());
        assertEquals(0, fir.mediaSsrc());
        assertThrows(IllegalArgumentException.class, () -> new FullIntraRequest(1, List.of()));
    }

    @Test
    void rembMantissaAndExponent() {
        // 8927168 bps = 139487 << 6; one SSRC
        ReceiverEstimatedMaxBitrate remb = assertInstanceOf(ReceiverEstimatedMaxBitrate.class,
                parseOne("8fce0005 00000001 00000000 52454d42 011a20df 4874ed16"));
        assertEquals(8_927_168L, remb.bitrate());
        assertEquals(List.of(0x4874ed16L), remb.ssrcs());
        // small values use exponent 0
        assertArrayEquals(Hex.bytes("8fce0004 00000001 00000000 52454d42 00000400"),
                new ReceiverEstimatedMaxBitrate(1, 1024, List.of()).toByteArray());
        // values above 18 bits lose their low bits
        ReceiverEstimatedMaxBitrate big = new ReceiverEstimatedMaxBitrate(1, 1_000_000_007L, List.of());
        ReceiverEstimatedMaxBitrate back = assertInstanceOf(ReceiverEstimatedMaxBitrate.class,
                RtcpCompound.parse(ByteBuffer.wrap(big.toByteArray())).orElseThrow().get(0));
        assertEquals(1_000_000_007L >>> 12 << 12, back.bitrate());
    }

    @Test
    void otherApplicationLayerFeedbackStaysUnknown() {
        UnknownRtcpPacket afb = assertInstanceOf(UnknownRtcpPacket.class,
                parseOne("8fce0003 00000001 00000000 41424344"));
        assertEquals(15, afb.count());
        assertInstanceOf(UnknownRtcpPacket.class, parseOne("83cd0002 00000001 00000002")); // RTPFB FMT 3
    }

    private static List<Integer> range(int from, int toExclusive) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            out.add(i);
        }
        return out;
    }
}
