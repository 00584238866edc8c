package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static dev.jwebrtc.srtp.TestPackets.protectRtcp;
import static dev.jwebrtc.srtp.TestPackets.protectRtp;
import static dev.jwebrtc.srtp.TestPackets.rtcp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any single flipped bit in header, payload or tag makes unprotect fail, without an exception, without touching the
 * buffer, and without disturbing the stream: the genuine packet is still accepted afterwards.
 */
class SrtpRejectsTamperedPacketTest {

    private static final int SSRC = 0x0badf00d;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyFlippedBitOfAnRtpPacketIsRejected(SrtpProfile profile, TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] plain = TestPackets.randomRtp(rnd, SSRC, 4242, 64);
        plain[0] &= ~0x20; // no padding: every octet is header, payload or tag
        byte[] packet = protectRtp(tx, plain);
        int header = SrtpContext.rtpHeaderLength(plain, 0, plain.length);
        boolean ext = (plain[0] & 0x10) != 0;
        int extLengthAt = ext ? 12 + 4 * (plain[0] & 0x0f) + 2 : -10;
        for (int i = 0; i < packet.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = packet.clone();
                tampered[i] ^= (byte) (1 << bit);
                byte[] before = tampered.clone();
                ByteBuffer buf = ByteBuffer.wrap(tampered);
                SrtpResult r = rx.unprotectRtp(buf);
                String where = "octet " + i + " bit " + bit;
                assertNotEquals(SrtpResult.OK, r, where);
                if (i == extLengthAt || i == extLengthAt + 1) {
                    // A longer extension length may run past the packet: too short rather than a bad tag.
                    assertEquals(true, r == SrtpResult.AUTH_FAILED || r == SrtpResult.TOO_SHORT, where + ": " + r);
                } else if (i > 0) {
                    // Octet 0 holds version, X and CC: a flip there may also read as malformed or short.
                    assertEquals(SrtpResult.AUTH_FAILED, r, where + (i < header ? " (header)" : " (payload/tag)"));
                }
                assertArrayEquals(before, tampered, "buffer unchanged after " + where);
                assertEquals(packet.length, buf.limit());
            }
        }
        assertEquals(0, rx.stats().rtpUnprotected());
        ByteBuffer genuine = ByteBuffer.wrap(packet.clone());
        assertEquals(SrtpResult.OK, rx.unprotectRtp(genuine));
        assertArrayEquals(plain, java.util.Arrays.copyOf(genuine.array(), genuine.limit()));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyFlippedBitOfAnRtcpPacketIsRejected(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] plain = rtcp(SSRC, 9);
        byte[] packet = protectRtcp(tx, plain);
        for (int i = 0; i < packet.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = packet.clone();
                tampered[i] ^= (byte) (1 << bit);
                SrtpResult r = rx.unprotectRtcp(ByteBuffer.wrap(tampered));
                String where = "octet " + i + " bit " + bit;
                if (i == 0 && bit >= 6) {
                    assertEquals(SrtpResult.MALFORMED, r, where);
                } else {
                    assertEquals(SrtpResult.AUTH_FAILED, r, where);
                }
            }
        }
        ByteBuffer genuine = ByteBuffer.wrap(packet.clone());
        assertEquals(SrtpResult.OK, rx.unprotectRtcp(genuine));
        assertArrayEquals(plain, java.util.Arrays.copyOf(genuine.array(), genuine.limit()));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aPacketFromAnotherKeyIsRejected(SrtpProfile profile) {
        byte[] otherKey = new byte[profile.keyLength()];
        SrtpContext stranger = SrtpContext.create(profile, otherKey, new byte[profile.saltLength()]);
        SrtpContext rx = context(profile);
        assertEquals(SrtpResult.AUTH_FAILED,
                TestPackets.unprotectRtp(rx, protectRtp(stranger, TestPackets.rtp(SSRC, 1, 100))));
        assertEquals(SrtpResult.AUTH_FAILED,
                TestPackets.unprotectRtcp(rx, protectRtcp(stranger, rtcp(SSRC, 1))));
        assertEquals(0, rx.streamCount(), "failed packets create no stream state");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aRejectedFullSizePacketIsLeftUntouchedInPlace(SrtpProfile profile) {
        // 1200 octets: long enough for the JDK's bulk GCM path, which may decrypt in place before checking the tag.
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] packet = protectRtp(tx, TestPackets.rtp(SSRC, 1, 1188));
        for (int at : new int[] {5, 100, 900, packet.length - 1}) {
            byte[] tampered = packet.clone();
            tampered[at] ^= 0x40;
            byte[] before = tampered.clone();
            ByteBuffer heap = ByteBuffer.wrap(tampered);
            assertEquals(SrtpResult.AUTH_FAILED, rx.unprotectRtp(heap));
            assertArrayEquals(before, tampered, "heap buffer after tampering at " + at);
            ByteBuffer direct = ByteBuffer.allocateDirect(before.length).put(before).flip();
            assertEquals(SrtpResult.AUTH_FAILED, rx.unprotectRtp(direct));
            byte[] after = new byte[before.length];
            direct.get(0, after);
            assertArrayEquals(before, after, "direct buffer after tampering at " + at);
        }
        assertEquals(SrtpResult.OK, rx.unprotectRtp(ByteBuffer.wrap(packet)));
    }
}
