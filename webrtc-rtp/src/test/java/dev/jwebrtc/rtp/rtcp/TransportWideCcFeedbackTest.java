package dev.jwebrtc.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.rtp.rtcp.PacketStatusChunk.RunLength;
import dev.jwebrtc.rtp.rtcp.PacketStatusChunk.StatusVector;
import dev.jwebrtc.rtp.rtcp.StatusSymbol;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback.PacketResult;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): chunks, deltas, packets. */
class TransportWideCcFeedbackTest {

    private static final StatusSymbol N = StatusSymbol.NOT_RECEIVED;
    private static final StatusSymbol S = StatusSymbol.SMALL_DELTA;
    private static final StatusSymbol L = StatusSymbol.LARGE_DELTA;

    @Test
    void runLengthChunkExampleFromDraft() {
        // §3.1.3 example: 221 packets not received
        assertEquals(new RunLength(N, 221), PacketStatusChunk.decode(0x00DD));
        assertEquals(0x00DD, new RunLength(N, 221).encode());
        assertEquals(0x2001, new RunLength(S, 1).encode());
        assertEquals(0x5FFF, new RunLength(L, 8191).encode());
    }

    @Test
    void statusVectorChunkExamplesFromDraft() {
        // §3.1.4 example 1: one-bit symbols 0 1 1 1 1 1 0 0 0 1 1 1 0 0
        StatusVector one = assertInstanceOf(StatusVector.class, PacketStatusChunk.decode(0x9F1C));
        assertEquals(List.of(N, S, S, S, S, S, N, N, N, S, S, S, N, N), one.symbols());
        assertEquals(0x9F1C, one.encode());
        // §3.1.4 example 2: two-bit symbols 00 11 01 01 01 00 00 (11 is reserved in -01 but still decodes)
        StatusVector two = assertInstanceOf(StatusVector.class, PacketStatusChunk.decode(0xCD50));
        assertEquals(List.of(N, StatusSymbol.RESERVED, S, S, S, N, N), two.symbols());
        assertEquals(0xCD50, two.encode());
    }

    // Feedback as Chromium sends it (P bit with a count byte pads to 32 bits); the same bytes appear in other
    // implementations' test suites as captured from Chrome.
    static final String CHROME_ONE_PACKET = "afcd0005 fa17fa17 43032fa0 00990001 3de80217 20019401";
    static final String CHROME_SEVEN_PACKETS = "afcd0007 fa17fa17 193dd8bb 00040007 10636e01 20074c24 24100c0c 10000003";

    @Test
    void decodesChromiumFeedbackAndWritesItBackByteExactly() {
        TransportWideCcFeedback one = parse(CHROME_ONE_PACKET);
        assertEquals(153, one.baseSequenceNumber());
        assertEquals(1, one.packetStatusCount());
        assertEquals(4057090, one.referenceTime());
        assertEquals(23, one.feedbackPacketCount());
        assertEquals(List.of(PacketResult.received(153, 4057090L * 64_000 + 37_000)), one.packets());
        assertArrayEquals(Hex.bytes(CHROME_ONE_PACKET), one.toByteArray());

        TransportWideCcFeedback seven = parse(CHROME_SEVEN_PACKETS);
        assertEquals(List.of(new RunLength(S, 7)), seven.chunks());
        assertEquals(List.of(76, 36, 36, 16, 12, 12, 16), seven.deltas());
        long base = 1074030L * 64_000;
        assertEquals(base + 19_000, seven.packets().get(0).arrivalMicros());
        assertEquals(base + 19_000 + 9_000 + 9_000 + 4_000 + 3_000 + 3_000 + 4_000,
                seven.packets().get(6).arrivalMicros());
        assertArrayEquals(Hex.bytes(CHROME_SEVEN_PACKETS), seven.toByteArray());
    }

    @Test
    void decodesAChromiumFeedbackAsWiresharkDoes() {
        // A Chromium TWCC packet with Wireshark's decode (olivermichel/webrtc-analysis, test/include/data.h):
        // base 1, 9 packets, reference time 6197520, one run-length chunk, deltas 7, 3, 11, 14, 0, 1, 0, 2, 6 ms
        String hex = "afcd0007 00000001 dd586eb6 00010009 5e911000 2009 1c0c2c38 00040008 18 01";
        TransportWideCcFeedback fb = parse(hex);
        assertEquals(1, fb.baseSequenceNumber());
        assertEquals(9, fb.packetStatusCount());
        assertEquals(6197520, fb.referenceTime());
        assertEquals(0, fb.feedbackPacketCount());
        assertEquals(List.of(28, 12, 44, 56, 0, 4, 0, 8, 24), fb.deltas());
        long t = 6197520L * 64_000;
        long[] ms = {7, 3, 11, 14, 0, 1, 0, 2, 6};
        for (int i = 0; i < 9; i++) {
            t += ms[i] * 1000;
            assertEquals(PacketResult.received(i + 1, t), fb.packets().get(i));
        }
        assertArrayEquals(Hex.bytes(hex), fb.toByteArray());
    }

    @Test
    void largeAndNegativeDeltasUseTwoBitSymbols() {
        List<PacketResult> results = List.of(PacketResult.received(100, 64_000), PacketResult.lost(101),
                PacketResult.received(102, 64_000 + 100_000), PacketResult.received(103, 64_000 + 99_000));
        TransportWideCcFeedback fb = TransportWideCcFeedback.build(1, 2, 0, results);
        assertEquals(List.of(new StatusVector(true, List.of(S, N, L, L, N, N, N))), fb.chunks());
        assertEquals(List.of(0, 400, -4), fb.deltas());
        TransportWideCcFeedback back = parse(Hex.hex(fb.toByteArray()));
        assertEquals(results, back.packets());
        assertEquals(fb, back);
    }

    @Test
    void buildThenParseRoundTripsRandomArrivals(TestSeed seed) {
        Random rnd = new Random(seed.value());
        for (int round = 0; round < 300; round++) {
            int base = rnd.nextInt(65536);
            int count = 1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 400);
            long t = 1_000_000L + rnd.nextInt(10_000_000);
            List<PacketResult> results = new ArrayList<>();
            double lossRate = rnd.nextDouble() * 0.5;
            for (int i = 0; i < count; i++) {
                int seq = (base + i) & 0xFFFF;
                if (i > 0 && rnd.nextDouble() < lossRate) {
                    results.add(PacketResult.lost(seq));
                    continue;
                }
                t += rnd.nextInt(10) == 0 ? rnd.nextInt(200_000) - 20_000 : rnd.nextInt(5_000);
                t = Math.max(t, 0);
                results.add(PacketResult.received(seq, t / 250 * 250)); // already on the 250 µs grid
            }
            TransportWideCcFeedback fb = TransportWideCcFeedback.build(7, 8, round & 0xFF, results);
            byte[] wire = fb.toByteArray();
            assertEquals(0, wire.length % 4);
            TransportWideCcFeedback back = parse(Hex.hex(wire));
            assertEquals(fb, back, "seed " + seed.value() + " round " + round);
            assertEquals(results, back.packets(), "seed " + seed.value() + " round " + round);
            assertArrayEquals(wire, back.toByteArray());
        }
    }

    @Test
    void longRunsBecomeRunLengthChunks() {
        List<PacketResult> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(i < 50 ? PacketResult.received(i, 64_000 + i * 1_000L) : PacketResult.lost(i));
        }
        results.set(99, PacketResult.received(99, 200_000));
        TransportWideCcFeedback fb = TransportWideCcFeedback.build(1, 2, 3, results);
        assertEquals(new RunLength(S, 50), fb.chunks().get(0));
        assertEquals(new RunLength(N, 49), fb.chunks().get(1));
        assertEquals(results, parse(Hex.hex(fb.toByteArray())).packets());
    }

    @Test
    void deltaTooLargeForSixteenBitsIsRejectedForTheCaller() {
        List<PacketResult> results = List.of(PacketResult.received(1, 0), PacketResult.received(2, 9_000_000));
        assertThrows(IllegalArgumentException.class, () -> TransportWideCcFeedback.build(1, 2, 0, results));
    }

    @Test
    void malformedFeedbackIsDropped() {
        // reserved symbol within the status count: libwebrtc rejects these too
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes(
                "afcd0006 fa17fa17 193dd8bb 0174000e 45b15a40 d800f0ff d0000003"))).isEmpty());
        // P bit set with a zero count byte
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes(
                "afcd0007 fa17fa17 193dd8bb 01740006 45b15a40 40022004 1ffe1f9a d000d000"))).isEmpty());
        // status count larger than the chunks present
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes(
                "8fcd0004 fa17fa17 193dd8bb 01740050 45b15a40"))).isEmpty());
        // deltas missing
        assertTrue(RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes(
                "8fcd0005 fa17fa17 193dd8bb 01740003 45b15a40 20030102"))).isEmpty());
    }

    private static TransportWideCcFeedback parse(String hex) {
        List<RtcpPacket> packets = RtcpCompound.parse(ByteBuffer.wrap(Hex.bytes(hex))).orElseThrow();
        return assertInstanceOf(TransportWideCcFeedback.class, packets.get(0));
    }
}
