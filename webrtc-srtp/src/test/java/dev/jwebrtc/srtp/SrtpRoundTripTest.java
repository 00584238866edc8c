package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Protect/unprotect round trips of random packets (CSRCs, header extensions, padding, empty payloads) through every
 * buffer shape the API accepts: heap and direct, out-of-place and in place, sliced arrays with an offset.
 */
class SrtpRoundTripTest {

    private enum Shape { HEAP, HEAP_IN_PLACE, DIRECT, DIRECT_IN_PLACE, SLICED }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomRtpPacketsSurviveTheRoundTrip(SrtpProfile profile, TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        int[] ssrcs = {rnd.nextInt(), rnd.nextInt(), rnd.nextInt()};
        int[] seqs = {rnd.nextInt(65536), rnd.nextInt(65536), rnd.nextInt(65536)};
        for (int i = 0; i < 600; i++) {
            int s = rnd.nextInt(3);
            byte[] plain = TestPackets.randomRtp(rnd, ssrcs[s], seqs[s]++ & 0xffff, 1200);
            Shape txShape = Shape.values()[rnd.nextInt(Shape.values().length)];
            Shape rxShape = Shape.values()[rnd.nextInt(Shape.values().length)];
            byte[] wire = run(txShape, plain, profile.rtpOverhead(), true, b -> tx.protectRtp(b), tx::protectRtp);
            assertEquals(plain.length + profile.rtpOverhead(), wire.length, "packet " + i);
            int header = SrtpContext.rtpHeaderLength(plain, 0, plain.length);
            assertArrayEquals(Arrays.copyOf(plain, header), Arrays.copyOf(wire, header), "header stays clear");
            if (plain.length - header >= 8) {
                assertFalse(Arrays.equals(plain, header, plain.length, wire, header, plain.length), "payload encrypted");
            }
            byte[] back = runUnprotect(rxShape, wire, rx::unprotectRtp, rx::unprotectRtp);
            assertArrayEquals(plain, back, "packet " + i + " " + txShape + "/" + rxShape);
        }
        assertEquals(600, rx.stats().rtpUnprotected());
        assertEquals(0, rx.stats().dropped());
        assertEquals(3, rx.streamCount());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomRtcpPacketsSurviveTheRoundTrip(SrtpProfile profile, TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        int[] ssrcs = {rnd.nextInt(), rnd.nextInt()};
        for (int i = 0; i < 300; i++) {
            byte[] plain = TestPackets.randomRtcp(rnd, ssrcs[rnd.nextInt(2)], 1200);
            Shape txShape = Shape.values()[rnd.nextInt(Shape.values().length)];
            Shape rxShape = Shape.values()[rnd.nextInt(Shape.values().length)];
            byte[] wire = run(txShape, plain, profile.rtcpOverhead(), true, b -> tx.protectRtcp(b), tx::protectRtcp);
            assertEquals(plain.length + profile.rtcpOverhead(), wire.length);
            assertArrayEquals(Arrays.copyOf(plain, 8), Arrays.copyOf(wire, 8), "RTCP header stays clear");
            byte[] back = runUnprotect(rxShape, wire, rx::unprotectRtcp, rx::unprotectRtcp);
            assertArrayEquals(plain, back, "packet " + i + " " + txShape + "/" + rxShape);
        }
        assertEquals(300, rx.stats().rtcpUnprotected());
    }

    interface InPlace<R> {
        R apply(ByteBuffer b);
    }

    interface OutOfPlace<R> {
        R apply(ByteBuffer in, ByteBuffer out);
    }

    private static ByteBuffer allocate(Shape shape, int capacity) {
        return switch (shape) {
            case DIRECT, DIRECT_IN_PLACE -> ByteBuffer.allocateDirect(capacity);
            case SLICED -> ByteBuffer.allocate(capacity + 37).position(19).slice().limit(capacity);
            default -> ByteBuffer.allocate(capacity);
        };
    }

    private static byte[] drain(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] run(Shape shape, byte[] plain, int overhead, boolean protect, InPlace<Integer> inPlace,
            OutOfPlace<Integer> outOfPlace) {
        if (shape == Shape.HEAP_IN_PLACE || shape == Shape.DIRECT_IN_PLACE) {
            ByteBuffer b = allocate(shape, plain.length + overhead + 5);
            b.put(plain).flip();
            int n = inPlace.apply(b);
            assertEquals(n, b.remaining());
            return drain(b);
        }
        ByteBuffer in = allocate(shape, plain.length);
        in.put(plain).flip();
        ByteBuffer out = allocate(shape, plain.length + overhead + 3);
        out.position(1);
        int n = outOfPlace.apply(in, out);
        assertEquals(0, in.remaining(), "input consumed");
        assertEquals(1 + n, out.position());
        out.flip().position(1);
        return drain(out);
    }

    private static byte[] runUnprotect(Shape shape, byte[] wire, InPlace<SrtpResult> inPlace,
            OutOfPlace<SrtpResult> outOfPlace) {
        if (shape == Shape.HEAP_IN_PLACE || shape == Shape.DIRECT_IN_PLACE) {
            ByteBuffer b = allocate(shape, wire.length + 2);
            b.position(2);
            b.put(wire).flip().position(2);
            assertEquals(SrtpResult.OK, inPlace.apply(b));
            return drain(b);
        }
        ByteBuffer in = allocate(shape, wire.length);
        in.put(wire).flip();
        ByteBuffer out = allocate(shape, wire.length);
        assertEquals(SrtpResult.OK, outOfPlace.apply(in, out));
        assertEquals(0, in.remaining(), "input consumed");
        out.flip();
        return drain(out);
    }
}
