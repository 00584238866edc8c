package dev.jwebrtc.sctp.chunk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwebrtc.sctp.SctpAssociation;
import dev.jwebrtc.sctp.SctpConfig;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Jazzer fuzz target for the SCTP packet decoder. In the normal build it replays the seed corpus
 * ({@code SctpPacketFuzzTestInputs}); with {@code JAZZER_FUZZ=1} it fuzzes. The checksum check is bypassed
 * (zero checksum accepted) so the fuzzer reaches the chunk decoders. Properties: decoding throws nothing but
 * {@link MalformedPacketException}; whatever decodes re-encodes to bytes that decode to the same encoding; and a
 * fresh association swallows the input without throwing.
 */
class SctpPacketFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decoderNeverThrowsAndRoundTrips(byte[] input) {
        SctpPacket packet;
        try {
            packet = SctpPacket.decode(ByteBuffer.wrap(input), true);
        } catch (MalformedPacketException expected) {
            packet = null;
        }
        if (packet != null) {
            byte[] once = packet.encode(true);
            byte[] twice = SctpPacket.decode(ByteBuffer.wrap(once), true).encode(true);
            if (!Arrays.equals(once, twice)) {
                throw new AssertionError("re-encoding is not stable for " + packet);
            }
        }
        for (SctpConfig config : new SctpConfig[] {SctpConfig.defaults(),
                SctpConfig.builder().messageInterleaving(true).build()}) {
            SctpAssociation association = new SctpAssociation(config, new SplittableRandom(1));
            association.handleReceive(0, ByteBuffer.wrap(input));
            association.connect(1);
            association.handleReceive(2, ByteBuffer.wrap(input));
            while (association.pollTransmit() != null) {
                // drain
            }
        }
    }
}
