package dev.jwebrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.Hex;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Valid payloads with random bytes flipped, dropped or truncated never make a depacketizer or the frame assembler
 * throw; payloaders reject malformed frames from the caller with a clear exception.
 */
class DepacketizersSurviveMutatedPayloadsTest {

    @Test
    void mutatedPayloadsNeverThrow(TestSeed seed) {
        Random rnd = new Random(seed.value());
        List<Object[]> codecs = List.of(
                new Object[] {new Vp8Codec(), (java.util.function.IntFunction<byte[]>) n -> TestFrames.vp8(rnd, n, true)},
                new Object[] {new Vp9Codec(), (java.util.function.IntFunction<byte[]>) n -> TestFrames.vp9(rnd, n, true, 64, 64)},
                new Object[] {new H264Codec(), (java.util.function.IntFunction<byte[]>) n -> TestFrames.h264(rnd, n, true, true, false)},
                new Object[] {new Av1Codec(), (java.util.function.IntFunction<byte[]>) n -> TestFrames.av1(rnd, n, true)});
        int emitted = 0;
        for (Object[] c : codecs) {
            Payloader payloader = (Payloader) c[0];
            Depacketizer depacketizer = (Depacketizer) c[0];
            @SuppressWarnings("unchecked")
            java.util.function.IntFunction<byte[]> gen = (java.util.function.IntFunction<byte[]>) c[1];
            FrameAssembler assembler = new FrameAssembler(depacketizer);
            RtpPacketizer packetizer = new RtpPacketizer(payloader, 96, 1, 100, 0);
            for (int i = 0; i < 400; i++) {
                List<RtpPacket> packets = packetizer.packetize(ByteBuffer.wrap(gen.apply(50 + rnd.nextInt(400))),
                        i * 3000L);
                List<ByteBuffer> payloads = new ArrayList<>();
                for (RtpPacket p : packets) {
                    byte[] b = p.payloadBytes();
                    switch (rnd.nextInt(4)) {
                        case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                        case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                        case 2 -> b[0] = (byte) rnd.nextInt(256);
                        default -> {
                        }
                    }
                    if (rnd.nextInt(10) == 0) {
                        continue; // dropped
                    }
                    payloads.add(ByteBuffer.wrap(b));
                    if (assembler.push(RtpPacket.of(p.header(), b)).isPresent()) {
                        emitted++;
                    }
                }
                if (!payloads.isEmpty()) {
                    depacketizer.isFrameStart(payloads.get(0));
                    depacketizer.depacketize(payloads);
                    depacketizer.isKeyframe(payloads);
                }
            }
        }
        assertTrue(emitted > 0, "some frames survive the mutations");
    }

    @Test
    void payloadersRejectMalformedFramesFromTheCaller() {
        ByteBuffer noStartCode = ByteBuffer.wrap(Hex.bytes("6588aabb"));
        assertThrows(IllegalArgumentException.class, () -> new H264Codec().payload(noStartCode, 1200));
        assertThrows(IllegalArgumentException.class,
                () -> new Av1Codec().payload(ByteBuffer.wrap(Hex.bytes("320a01")), 1200)); // size past the end
        assertThrows(IllegalArgumentException.class,
                () -> new Av1Codec().payload(ByteBuffer.wrap(Hex.bytes("1200")), 1200)); // only a delimiter
        assertThrows(IllegalArgumentException.class,
                () -> new Vp9Codec().payload(ByteBuffer.wrap(Hex.bytes("00112233")), 1200));
        assertThrows(IllegalArgumentException.class, () -> new OpusCodec().payload(ByteBuffer.allocate(1300), 1200));
        assertThrows(IllegalArgumentException.class, () -> new Vp8Codec().payload(ByteBuffer.allocate(0), 1200));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacketizer(new Vp8Codec(), 96, 1, 8, 0));
    }
}
