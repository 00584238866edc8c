package dev.jwebrtc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Truncated, corrupted and random datagrams never make the decoder throw. */
class StunDecoderRejectsMalformedInputTest {

    @Test
    void everyTruncationOfTheVectorsIsRejected() {
        for (byte[] v : new byte[][] {Rfc5769VectorsTest.SAMPLE_REQUEST, Rfc5769VectorsTest.SAMPLE_IPV4_RESPONSE,
                Rfc5769VectorsTest.SAMPLE_IPV6_RESPONSE, Rfc5769VectorsTest.SAMPLE_LONG_TERM_REQUEST}) {
            for (int n = 0; n < v.length; n++) {
                byte[] cut = Arrays.copyOf(v, n);
                assertTrue(StunMessage.decode(cut).isEmpty(), "truncated to " + n);
                assertTrue(StunMessage.decode(ByteBuffer.wrap(cut)).isEmpty());
                assertDoesNotThrow(() -> ChannelData.decode(ByteBuffer.wrap(cut)));
            }
        }
    }

    @Test
    void randomBytesAndBitFlipsNeverThrow(TestSeed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        for (int i = 0; i < 20_000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[random.nextInt(0, 120)];
                random.nextBytes(b);
                if (b.length >= 8 && random.nextBoolean()) {
                    // Make it look like STUN so the attribute parser is reached.
                    b[0] &= 0x3F;
                    ByteBuffer.wrap(b).putShort(2, (short) ((b.length - 20) & ~3)).putInt(4, StunMessage.MAGIC_COOKIE);
                }
            } else {
                b = Rfc5769VectorsTest.SAMPLE_LONG_TERM_REQUEST.clone();
                for (int k = random.nextInt(1, 4); k > 0; k--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            byte[] input = b;
            assertDoesNotThrow(() -> StunMessage.decode(input).ifPresent(m -> m.verifyIntegrity(new byte[16])),
                    () -> "input " + java.util.HexFormat.of().formatHex(input));
            assertDoesNotThrow(() -> ChannelData.decode(ByteBuffer.wrap(input)));
            assertDoesNotThrow(() -> PacketKind.of(ByteBuffer.wrap(input)));
        }
    }

    @Test
    void wrongCookieAndLeadingBitsAreNotStun() {
        byte[] v = Rfc5769VectorsTest.SAMPLE_IPV4_RESPONSE.clone();
        v[4] = 0;
        assertTrue(StunMessage.decode(v).isEmpty());
        byte[] w = Rfc5769VectorsTest.SAMPLE_IPV4_RESPONSE.clone();
        w[0] |= (byte) 0x80;
        assertTrue(StunMessage.decode(w).isEmpty());
    }
}
