package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed RTP never throws: it is dropped and counted by reason. */
class RtpPacketRejectsMalformedInputTest {

    private static final byte[] WITH_EVERYTHING = Hex.bytes(
            "b1e0 0007 00000100 cafebabe 12345678 bede0002 10aa 21bbcc 000000 ff 00000003");

    @Test
    void everyTruncationIsDroppedAndCounted() {
        ParseStats stats = new ParseStats();
        assertTrue(RtpPacket.parse(ByteBuffer.wrap(WITH_EVERYTHING), stats).isPresent());
        for (int len = 0; len < WITH_EVERYTHING.length; len++) {
            ByteBuffer b = ByteBuffer.wrap(WITH_EVERYTHING, 0, len);
            // Cutting off padding makes the count byte point at the wrong place: either dropped or a shorter packet.
            RtpPacket.parse(b, stats).ifPresent(p -> assertTrue(p.encodedLength() <= WITH_EVERYTHING.length));
        }
        assertTrue(stats.dropped("rtp: shorter than the fixed header") == 12);
        assertEquals(4, stats.dropped("rtp: CSRC list truncated"));
        assertTrue(stats.dropped("rtp: extension header truncated") > 0);
        assertTrue(stats.dropped("rtp: extension body truncated") > 0);
    }

    @Test
    void badVersionIsDropped() {
        byte[] b = WITH_EVERYTHING.clone();
        b[0] = (byte) (b[0] & 0x3F | 0x40);
        ParseStats stats = new ParseStats();
        assertTrue(RtpPacket.parse(ByteBuffer.wrap(b), stats).isEmpty());
        assertEquals(1, stats.dropped("rtp: version is not 2"));
    }

    @Test
    void zeroOrOversizedPaddingCountIsDropped() {
        ParseStats stats = new ParseStats();
        byte[] zero = Hex.bytes("a060 0001 00000001 00000002 aa 000000");
        assertTrue(RtpPacket.parse(ByteBuffer.wrap(zero), stats).isEmpty());
        byte[] tooBig = Hex.bytes("a060 0001 00000001 00000002 aa 000006");
        assertTrue(RtpPacket.parse(ByteBuffer.wrap(tooBig), stats).isEmpty());
        assertEquals(2, stats.dropped("rtp: bad padding length"));
        byte[] exact = Hex.bytes("a060 0001 00000001 00000002 aa 000004");
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(exact), stats).orElseThrow();
        assertEquals(0, p.payload().remaining());
        assertEquals(4, p.paddingLength());
    }

    @Test
    void extensionElementRunningPastTheBodyEndsTheListButKeepsThePacket() {
        byte[] b = Hex.bytes("9060 0007 00000100 cafebabe bede0001 10aa 2f00 ff");
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(b)).orElseThrow();
        assertEquals(1, p.header().extensions().elements().size());
        byte[] two = Hex.bytes("9060 0007 00000100 cafebabe 10000001 01 09 0000 ff");
        RtpPacket q = RtpPacket.parse(ByteBuffer.wrap(two)).orElseThrow();
        assertEquals(0, q.header().extensions().elements().size());
    }

    @Test
    void randomBytesNeverThrow(TestSeed seed) {
        Random rnd = new Random(seed.value());
        ParseStats stats = new ParseStats();
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            if (b.length > 0 && rnd.nextBoolean()) {
                b[0] = (byte) (0x80 | b[0] & 0x3F);
            }
            var p = RtpPacket.parse(ByteBuffer.wrap(b), stats);
            if (p.isPresent()) {
                parsed++;
                p.get().header().extensions();
                if (p.get().header().extensions() != null) {
                    p.get().header().extensions().elements();
                }
                assertEquals(b.length, p.get().toByteArray().length);
            }
        }
        assertTrue(parsed > 0);
        assertEquals(20_000 - parsed, stats.dropped());
    }
}
