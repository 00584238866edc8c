package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RtpStreamRewriter#rewriteInPlace} (the forwarder's allocation-free path) produces the same bytes as
 * {@link RtpStreamRewriter#rewrite} on the parsed packet, for packets with a marker, CSRCs, extensions and padding,
 * across wrap-arounds, reordering and a source switch; and leaves non-RTP bytes alone.
 */
class RewritingInPlaceMatchesRewritingParsedPacketsTest {

    private static byte[] packet(boolean marker, int pt, int seq, long ts, long ssrc, int csrcs, int padding) {
        List<Long> cs = new ArrayList<>();
        for (int i = 0; i < csrcs; i++) {
            cs.add(0xC0000000L + i);
        }
        RtpHeaderExtensions ext = RtpHeaderExtensions.of(List.of(new SdesMid("1").toElement(4),
                AbsSendTime.fromNanos(seq * 1_000_000L).toElement(2), new TransportSequenceNumber(seq).toElement(3)));
        RtpHeader h = new RtpHeader(marker, pt, seq, ts, ssrc, cs, ext);
        byte[] payload = new byte[17 + seq % 5];
        payload[0] = (byte) seq;
        return new RtpPacket(h, ByteBuffer.wrap(payload), padding).toByteArray();
    }

    @Test
    void inPlaceAndParsedRewritesAgreeAcrossWrapsReorderingAndSourceSwitch() {
        RtpStreamRewriter parsed = new RtpStreamRewriter(0xFEDCBA98L, 100, 65533, 0xFFFF_FE00L);
        RtpStreamRewriter inPlace = new RtpStreamRewriter(0xFEDCBA98L, 100, 65533, 0xFFFF_FE00L);
        int[][] source = {{7, 0}, {8, 0}, {10, 1}, {9, 0}, {11, 2}, {12, 0}};
        for (int round = 0; round < 2; round++) {
            long ssrc = round == 0 ? 0x11111111L : 0x22222222L;
            int base = round == 0 ? 65530 : 100; // the first source wraps its own sequence numbers
            for (int[] s : source) {
                int seq = (base + s[0]) & 0xFFFF;
                byte[] in = packet(s[0] % 2 == 0, 96, seq, 0xFFFF_FFF0L + 3000L * s[0] & 0xFFFF_FFFFL, ssrc, s[1],
                        s[0] % 3 == 0 ? 4 : 0);
                byte[] expected = parsed.rewrite(RtpPacket.parse(ByteBuffer.wrap(in)).orElseThrow()).toByteArray();
                ByteBuffer buf = ByteBuffer.allocate(in.length + 8);
                buf.position(3);
                buf.put(in).flip().position(3);
                assertTrue(inPlace.rewriteInPlace(buf));
                assertEquals(3, buf.position());
                assertEquals(3 + in.length, buf.limit());
                byte[] actual = new byte[in.length];
                buf.get(3, actual);
                assertArrayEquals(expected, actual, "round " + round + " seq " + seq);
                RtpPacket out = RtpPacket.parse(ByteBuffer.wrap(actual)).orElseThrow();
                assertEquals(0xFEDCBA98L, out.ssrc());
                assertEquals(100, out.payloadType());
                assertEquals(s[0] % 2 == 0, out.marker());
            }
            parsed.switchSource(3000);
            inPlace.switchSource(3000);
        }
    }

    @Test
    void keepsThePayloadTypeWhenAskedTo() {
        RtpStreamRewriter r = new RtpStreamRewriter(5, -1, 0, 0);
        ByteBuffer buf = ByteBuffer.wrap(packet(true, 111, 40, 960, 9, 0, 0));
        assertTrue(r.rewriteInPlace(buf));
        RtpPacket out = RtpPacket.parse(buf).orElseThrow();
        assertEquals(111, out.payloadType());
        assertTrue(out.marker());
        assertEquals(0, out.sequenceNumber());
        assertEquals(0, out.timestamp());
        assertEquals(5, out.ssrc());
    }

    @Test
    void refusesBytesThatAreNotAnRtpHeaderAndChangesNothing() {
        RtpStreamRewriter r = new RtpStreamRewriter(5, 100, 0, 0);
        byte[] shortPacket = new byte[11];
        shortPacket[0] = (byte) 0x80;
        assertFalse(r.rewriteInPlace(ByteBuffer.wrap(shortPacket)));
        byte[] v1 = packet(false, 96, 1, 2, 3, 0, 0);
        v1[0] = (byte) ((v1[0] & 0x3F) | 0x40);
        byte[] copy = v1.clone();
        assertFalse(r.rewriteInPlace(ByteBuffer.wrap(v1)));
        assertArrayEquals(copy, v1);
        // the refused input did not start the mapping: the first real packet still maps to the initial numbers
        ByteBuffer ok = ByteBuffer.wrap(packet(false, 96, 500, 7000, 3, 0, 0));
        assertTrue(r.rewriteInPlace(ok));
        assertEquals(0, RtpPacket.parse(ok).orElseThrow().sequenceNumber());
    }
}
