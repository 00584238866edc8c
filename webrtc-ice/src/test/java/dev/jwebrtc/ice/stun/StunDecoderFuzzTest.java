package dev.jwebrtc.ice.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Jazzer fuzz target for the STUN and ChannelData decoders. In the normal build it replays the seed corpus
 * (the RFC 5769 vectors, in {@code StunDecoderFuzzTestInputs}); with {@code JAZZER_FUZZ=1} it fuzzes.
 * Property: decoding never throws, and whatever decodes re-encodes to the same attributes.
 */
class StunDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decoderNeverThrowsAndRoundTrips(byte[] input) {
        ChannelData.decode(ByteBuffer.wrap(input));
        PacketKind.of(ByteBuffer.wrap(input));
        StunMessage.decode(input).ifPresent(m -> {
            m.verifyIntegrity(new byte[] {1, 2, 3});
            m.unknownComprehensionRequired();
            StunMessage.Builder b = StunMessage.builder(m.method(), m.messageClass(), m.transactionId());
            List<StunAttribute> plain = m.attributes().stream()
                    .filter(a -> !(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256
                            || a instanceof Fingerprint))
                    .toList();
            plain.forEach(b::add);
            StunMessage again = StunMessage.decode(b.encode()).orElseThrow(
                    () -> new AssertionError("re-encoded message does not decode: " + m));
            if (!again.attributes().equals(plain)) {
                throw new AssertionError("round trip changed " + plain + " into " + again.attributes());
            }
        });
    }
}
