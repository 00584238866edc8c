package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Forwarded packets get the new SSRC, continuous sequence numbers and timestamps, also across source switches. */
class RtpStreamRewriterTest {

    private static RtpPacket packet(int seq, long ts, long ssrc) {
        return RtpPacket.of(RtpHeader.of(false, 96, seq, ts, ssrc), new byte[] {(byte) seq});
    }

    @Test
    void shiftsKeepingGapsAndReorderingAndWraps() {
        RtpStreamRewriter r = new RtpStreamRewriter(0xABC, 100, 65534, 0xFFFF_FF00L);
        RtpPacket a = r.rewrite(packet(10, 1000, 1));
        assertEquals(65534, a.sequenceNumber());
        assertEquals(0xFFFF_FF00L, a.timestamp());
        assertEquals(0xABC, a.ssrc());
        assertEquals(100, a.payloadType());
        assertEquals(1, r.rewrite(packet(13, 1000 + 3000, 1)).sequenceNumber()); // gap of 2 kept, wrapped
        assertEquals(0, r.rewrite(packet(12, 1000 + 3000, 1)).sequenceNumber()); // late packet in its place
        assertEquals((0xFFFF_FF00L + 3000) & 0xFFFF_FFFFL, r.rewrite(packet(14, 4000, 1)).timestamp());
        assertArrayEquals(new byte[] {14}, r.rewrite(packet(14, 4000, 1)).payloadBytes());
    }

    @Test
    void switchingSourceContinuesAfterTheLastPacket() {
        RtpStreamRewriter r = new RtpStreamRewriter(5, -1, 100, 5000);
        r.rewrite(packet(1, 0, 1));
        r.rewrite(packet(2, 3000, 1));
        r.switchSource(3000);
        RtpPacket b = r.rewrite(packet(40_000, 777_777, 2));
        assertEquals(102, b.sequenceNumber());
        assertEquals(5000 + 3000 + 3000, b.timestamp());
        assertEquals(96, b.payloadType());
        assertEquals(103, r.rewrite(packet(40_001, 777_777 + 90, 2)).sequenceNumber());
    }
}
