package dev.jwebrtc.sctp.chunk;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MalformedPacketTest {

    private static byte[] sample() {
        return new SctpPacket(5000, 5000, 42, List.of(
                new SackChunk(10, 1000, List.of(new SackChunk.GapBlock(2, 4)), List.of(3L)),
                new DataChunk(false, false, true, true, 11, 1, 0, 51, new byte[] {1, 2, 3, 4, 5}),
                new ReConfigChunk(List.of(new OutgoingSsnResetRequestParameter(1, 2, 3, List.of(4)))),
                new InitChunk(1, 2, 3, 4, 5, List.of(new StateCookieParameter(new byte[9]))))).encode(false);
    }

    /** Recomputes the checksum so that the decoder looks past it. */
    private static byte[] fixChecksum(byte[] p) {
        p[8] = p[9] = p[10] = p[11] = 0;
        ByteBuffer.wrap(p, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(SctpPacket.checksum(p, p.length));
        return p;
    }

    private static void decodeOnlyThrowsMalformed(byte[] p) {
        try {
            SctpPacket.decode(ByteBuffer.wrap(p), true);
        } catch (MalformedPacketException expected) {
            // fine: the only allowed failure
        }
    }

    @Test
    void everyTruncationIsRejectedOrDecodedWithoutOtherExceptions() {
        byte[] full = sample();
        for (int len = 0; len < full.length; len++) {
            byte[] cut = fixChecksum(java.util.Arrays.copyOf(full, Math.max(len, 12)));
            decodeOnlyThrowsMalformed(cut);
        }
    }

    @Test
    void bogusChunkLengthIsRejected() {
        byte[] p = sample();
        p[14] = (byte) 0xFF; // first chunk length high byte
        p[15] = (byte) 0xF0;
        byte[] fixed = fixChecksum(p);
        assertThrows(MalformedPacketException.class, () -> SctpPacket.decode(ByteBuffer.wrap(fixed), false));
        byte[] q = sample();
        q[14] = 0;
        q[15] = 2; // length below the header size
        byte[] fixed2 = fixChecksum(q);
        assertThrows(MalformedPacketException.class, () -> SctpPacket.decode(ByteBuffer.wrap(fixed2), false));
    }

    @Test
    void randomMutationsNeverThrowAnythingElse(TestSeed seed) {
        Random r = new Random(seed.value());
        byte[] base = sample();
        for (int i = 0; i < 20_000; i++) {
            byte[] p = base.clone();
            int flips = 1 + r.nextInt(6);
            for (int f = 0; f < flips; f++) {
                p[12 + r.nextInt(p.length - 12)] = (byte) r.nextInt(256);
            }
            decodeOnlyThrowsMalformed(fixChecksum(p));
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] p = new byte[r.nextInt(200)];
            r.nextBytes(p);
            if (p.length >= 12) {
                fixChecksum(p);
            }
            decodeOnlyThrowsMalformed(p);
        }
    }
}
