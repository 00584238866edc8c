package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Truncated packets and random garbage are dropped with a result, never an exception. */
class SrtpRejectsTruncatedPacketTest {

    private static final int SSRC = 0x5eed5eed;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyTruncationOfAnSrtpPacketIsRejected(SrtpProfile profile, TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        byte[] plain = TestPackets.randomRtp(rnd, SSRC, 7, 100);
        int header = SrtpContext.rtpHeaderLength(plain, 0, plain.length);
        byte[] packet = TestPackets.protectRtp(context(profile), plain);
        SrtpContext rx = context(profile);
        for (int len = 0; len < packet.length; len++) {
            SrtpResult r = rx.unprotectRtp(ByteBuffer.wrap(Arrays.copyOf(packet, len)), ByteBuffer.allocate(2000));
            if (len < header + profile.rtpAuthTagLength()) {
                assertEquals(SrtpResult.TOO_SHORT, r, "length " + len);
            } else {
                assertEquals(SrtpResult.AUTH_FAILED, r, "length " + len);
            }
        }
        assertEquals(packet.length, rx.stats().dropped());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyTruncationOfAnSrtcpPacketIsRejected(SrtpProfile profile) {
        byte[] packet = TestPackets.protectRtcp(context(profile), TestPackets.rtcp(SSRC, 3));
        SrtpContext rx = context(profile);
        for (int len = 0; len < packet.length; len++) {
            SrtpResult r = rx.unprotectRtcp(ByteBuffer.wrap(Arrays.copyOf(packet, len)), ByteBuffer.allocate(2000));
            if (len < 8 + profile.rtcpOverhead()) {
                assertEquals(SrtpResult.TOO_SHORT, r, "length " + len);
            } else {
                assertEquals(SrtpResult.AUTH_FAILED, r, "length " + len);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomGarbageNeverThrowsAndNeverPasses(SrtpProfile profile, TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        SrtpContext rx = context(profile);
        ByteBuffer out = ByteBuffer.allocate(2000);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = new byte[rnd.nextInt(200)];
            rnd.nextBytes(junk);
            if (junk.length > 0 && rnd.nextBoolean()) {
                junk[0] = (byte) (0x80 | (junk[0] & 0x3f)); // looks like version 2
            }
            out.clear();
            assertNotEquals(SrtpResult.OK, rx.unprotectRtp(ByteBuffer.wrap(junk.clone()), out), "rtp " + i);
            out.clear();
            assertNotEquals(SrtpResult.OK, rx.unprotectRtcp(ByteBuffer.wrap(junk.clone()), out), "rtcp " + i);
            assertNotEquals(SrtpResult.OK, rx.unprotectRtp(ByteBuffer.wrap(junk.clone())), "rtp in place " + i);
        }
        assertEquals(9000, rx.stats().dropped());
        assertEquals(0, rx.streamCount());
    }
}
