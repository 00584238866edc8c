package dev.jwebrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Packetize, serialize, parse and reassemble many random frames per codec: every payload fits the limit, sequence
 * numbers and markers are right, and the frame that comes out is the frame that went in, with its keyframe flag.
 */
class PayloadFormatsRoundTripTest {

    private record Case(byte[] frame, byte[] expected, boolean key) {
    }

    private interface Generator {
        Case next(Random rnd, int index, int maxPayload);
    }

    private static void roundTrip(TestSeed seed, Payloader payloader, Depacketizer depacketizer, Generator gen) {
        Random rnd = new Random(seed.value());
        for (int stream = 0; stream < 8; stream++) {
            int max = 60 + rnd.nextInt(1140);
            int seq = rnd.nextInt(65536);
            RtpPacketizer packetizer = new RtpPacketizer(payloader, 96, 0x1234_5678L, max, seq);
            FrameAssembler assembler = new FrameAssembler(depacketizer);
            long ts = rnd.nextInt() & 0xFFFF_FFFFL;
            for (int i = 0; i < 60; i++) {
                Case c = gen.next(rnd, i, max);
                List<RtpPacket> packets = packetizer.packetize(ByteBuffer.wrap(c.frame()), ts);
                List<EncodedFrame> frames = new ArrayList<>();
                for (int k = 0; k < packets.size(); k++) {
                    RtpPacket p = packets.get(k);
                    String where = "seed " + seed.value() + " stream " + stream + " frame " + i + " packet " + k;
                    assertTrue(p.payload().remaining() <= max, where + ": payload over the limit");
                    assertEquals(seq, p.sequenceNumber(), where);
                    seq = (seq + 1) & 0xFFFF;
                    assertEquals(payloader.marksFrameEnd() && k == packets.size() - 1, p.marker(), where);
                    RtpPacket wire = RtpPacket.parse(ByteBuffer.wrap(p.toByteArray())).orElseThrow();
                    assembler.push(wire).ifPresent(frames::add);
                }
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                frames.forEach(f -> joined.writeBytes(f.bytes()));
                String where = "seed " + seed.value() + " stream " + stream + " frame " + i;
                assertArrayEquals(c.expected(), joined.toByteArray(), where);
                assertEquals(c.key(), frames.get(0).keyframe(), where);
                assertEquals(ts, frames.get(0).rtpTimestamp(), where);
                ts = (ts + 3000) & 0xFFFF_FFFFL;
            }
            assertEquals(0, assembler.framesDropped());
        }
    }

    private static int size(Random rnd) {
        return 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(30_000) : rnd.nextInt(1500));
    }

    @Test
    void vp8(TestSeed seed) {
        Vp8Codec codec = new Vp8Codec(32_760); // picture ID wraps during the test
        roundTrip(seed, codec, new Vp8Codec(), (rnd, i, max) -> {
            byte[] f = TestFrames.vp8(rnd, size(rnd), i % 10 == 0);
            return new Case(f, f, i % 10 == 0);
        });
    }

    @Test
    void vp9(TestSeed seed) {
        roundTrip(seed, new Vp9Codec(100), new Vp9Codec(), (rnd, i, max) -> {
            byte[] f = TestFrames.vp9(rnd, size(rnd), i % 10 == 0, 640, 480);
            return new Case(f, f, i % 10 == 0);
        });
    }

    @Test
    void h264(TestSeed seed) {
        roundTrip(seed, new H264Codec(), new H264Codec(), (rnd, i, max) -> {
            boolean key = i % 10 == 0;
            boolean params = i == 0 || rnd.nextBoolean(); // later keyframes may rely on cached SPS/PPS
            byte[] f = TestFrames.h264(rnd, size(rnd), key, params, rnd.nextBoolean());
            return new Case(f, expectedH264(f, key && !params), key);
        });
    }

    private static byte[] expectedH264(byte[] frame, boolean prependCached) {
        List<ByteBuffer> nals = new ArrayList<>(AnnexB.split(ByteBuffer.wrap(frame)));
        nals.removeIf(n -> (n.get(0) & 0x1F) == 9);
        if (prependCached) {
            nals.add(0, ByteBuffer.wrap(lastPps));
            nals.add(0, ByteBuffer.wrap(lastSps));
        }
        for (ByteBuffer n : nals) {
            if ((n.get(0) & 0x1F) == 7) {
                lastSps = bytes(n);
            }
            if ((n.get(0) & 0x1F) == 8) {
                lastPps = bytes(n);
            }
        }
        return AnnexB.join(nals);
    }

    private static byte[] lastSps = new byte[0];
    private static byte[] lastPps = new byte[0];

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Test
    void av1(TestSeed seed) {
        roundTrip(seed, new Av1Codec(), new Av1Codec(), (rnd, i, max) -> {
            boolean key = i % 10 == 0;
            byte[] f = TestFrames.av1(rnd, size(rnd), key);
            return new Case(f, Arrays.copyOfRange(f, 2, f.length), key); // temporal delimiter dropped
        });
    }

    @Test
    void opus(TestSeed seed) {
        roundTrip(seed, new OpusCodec(), new OpusCodec(), (rnd, i, max) -> {
            byte[] f = TestFrames.random(rnd, 1 + rnd.nextInt(Math.min(max, 400)), false);
            return new Case(f, f, true);
        });
    }

    @Test
    void g711SplitsAtTheLimitAndAdvancesTimestamps(TestSeed seed) {
        roundTrip(seed, new G711Codec(), new G711Codec(), (rnd, i, max) -> {
            byte[] f = TestFrames.random(rnd, 160 * (1 + rnd.nextInt(12)), false);
            return new Case(f, f, true);
        });
        RtpPacketizer p = new RtpPacketizer(new G711Codec(), 0, 1, 160, 0);
        List<RtpPacket> packets = p.packetize(ByteBuffer.wrap(new byte[400]), 1000);
        assertEquals(List.of(1000L, 1160L, 1320L), packets.stream().map(RtpPacket::timestamp).toList());
        assertEquals(List.of(160, 160, 80), packets.stream().map(x -> x.payload().remaining()).toList());
        assertFalse(packets.get(2).marker());
    }

    @Test
    void randomPayloadsNeverThrowInDepacketizers(TestSeed seed) {
        Random rnd = new Random(seed.value());
        List<Depacketizer> all = List.of(new Vp8Codec(), new Vp9Codec(), new H264Codec(), new Av1Codec(),
                new OpusCodec(), new G711Codec());
        for (Depacketizer d : all) {
            for (int i = 0; i < 3000; i++) {
                List<ByteBuffer> payloads = new ArrayList<>();
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    payloads.add(ByteBuffer.wrap(TestFrames.random(rnd, rnd.nextInt(40), false)));
                }
                d.isFrameStart(payloads.get(0));
                Optional<byte[]> out = d.depacketize(payloads);
                d.isKeyframe(payloads);
                out.ifPresent(b -> assertTrue(b.length > 0));
            }
        }
    }
}
