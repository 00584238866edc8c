package dev.jwebrtc.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.rtp.ParseStats;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed RTCP datagrams are dropped whole and counted; no input makes the parser throw. */
class RtcpCompoundRejectsMalformedInputTest {

    private static final byte[] COMPOUND = Hex.bytes(RtcpReportsRoundTripTest.SR + RtcpReportsRoundTripTest.SDES
            + RtcpReportsRoundTripTest.BYE + RtcpReportsRoundTripTest.XR + RtcpReportsRoundTripTest.APP
            + "81cd0004 11223344 55667788 01000005 ffff0001" + "84ce0004 00000001 00000000 aabbccdd 07000000"
            + "8fce0005 00000001 00000000 52454d42 011a20df 4874ed16" + TransportWideCcFeedbackTest.CHROME_SEVEN_PACKETS);

    @Test
    void theReferenceCompoundParses() {
        List<RtcpPacket> packets = RtcpCompound.parse(ByteBuffer.wrap(COMPOUND)).orElseThrow();
        assertEquals(9, packets.size());
    }

    @Test
    void everyTruncationIsDroppedAndCounted() {
        ParseStats stats = new ParseStats();
        int accepted = 0;
        for (int len = 0; len < COMPOUND.length; len++) {
            if (RtcpCompound.parse(ByteBuffer.wrap(COMPOUND, 0, len), stats).isPresent()) {
                accepted++; // a cut exactly between two packets is a valid shorter compound
            }
        }
        assertEquals(8, accepted);
        assertEquals(COMPOUND.length - 8, stats.dropped());
    }

    @Test
    void bodyShorterThanItsCountsIsDropped() {
        ParseStats stats = new ParseStats();
        // SR claiming two report blocks but carrying one
        byte[] sr = Hex.bytes(RtcpReportsRoundTripTest.SR);
        sr[0] = (byte) 0x82;
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(sr), stats).isEmpty());
        // SDES item length beyond the packet
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("81ca0002 11223344 01106162")), stats).isEmpty());
        // BYE reason length beyond the packet
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("81cb0002 11223344 09627965")), stats).isEmpty());
        // NACK without FCI, PLI too short, FIR without entries, REMB with a missing SSRC
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("81cd0002 11223344 55667788")), stats).isEmpty());
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("81ce0001 11223344")), stats).isEmpty());
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("84ce0002 11223344 00000000")), stats).isEmpty());
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("8fce0004 00000001 00000000 52454d42 021a20df")),
                stats).isEmpty());
        // XR block length beyond the packet
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("80cf0002 11223344 04000002")), stats).isEmpty());
        assertEquals(8, stats.dropped());
    }

    @Test
    void badVersionOrPaddingIsDropped() {
        ParseStats stats = new ParseStats();
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("40c90001 11223344")), stats).isEmpty());
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("a0c90001 11223300")), stats).isEmpty());
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes("a0c90001 11223309")), stats).isEmpty());
        assertEquals(1, stats.dropped("rtcp: version is not 2"));
        assertEquals(2, stats.dropped("rtcp: bad padding length"));
    }

    @Test
    void randomAndMutatedBytesNeverThrow(TestSeed seed) {
        Random rnd = new Random(seed.value());
        ParseStats stats = new ParseStats();
        for (int i = 0; i < 20_000; i++) {
            byte[] b;
            if (rnd.nextBoolean()) {
                b = COMPOUND.clone();
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            } else {
                b = new byte[rnd.nextInt(80)];
                rnd.nextBytes(b);
                if (b.length > 0) {
                    b[0] = (byte) (0x80 | b[0] & 0x3F);
                }
            }
            RtcpCompound.parse(ByteBuffer.wrap(b), stats).ifPresent(packets -> {
                for (RtcpPacket p : packets) {
                    p.encodedLength();
                    p.toByteArray();
                    if (p instanceof TransportWideCcFeedback t) {
                        t.packets();
                    }
                }
            });
        }
        assertTrue(stats.dropped() > 0);
    }
}
