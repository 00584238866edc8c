package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static dev.jwebrtc.srtp.TestPackets.protectRtcp;
import static dev.jwebrtc.srtp.TestPackets.protectRtp;
import static dev.jwebrtc.srtp.TestPackets.rtcp;
import static dev.jwebrtc.srtp.TestPackets.rtp;
import static dev.jwebrtc.srtp.TestPackets.unprotectRtcp;
import static dev.jwebrtc.srtp.TestPackets.unprotectRtp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 3711 §3.3.2: replayed packets and packets behind the replay window are dropped, for every profile. */
class SrtpRejectsReplayedPacketTest {

    private static final int SSRC = 0xcafebabe;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aReplayedRtpPacketIsRejectedAndCounted(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] first = protectRtp(tx, rtp(SSRC, 1000, 50));
        byte[] second = protectRtp(tx, rtp(SSRC, 1001, 50));
        assertEquals(SrtpResult.OK, unprotectRtp(rx, first));
        assertEquals(SrtpResult.OK, unprotectRtp(rx, second));
        assertEquals(SrtpResult.REPLAYED, unprotectRtp(rx, first));
        assertEquals(SrtpResult.REPLAYED, unprotectRtp(rx, second));
        assertEquals(2, rx.stats().replayed());
        assertEquals(2, rx.stats().rtpUnprotected());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aReplayedRtcpPacketIsRejected(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] report = protectRtcp(tx, rtcp(SSRC, 1));
        assertEquals(SrtpResult.OK, unprotectRtcp(rx, report));
        assertEquals(SrtpResult.REPLAYED, unprotectRtcp(rx, report));
        assertEquals(SrtpResult.OK, unprotectRtcp(rx, protectRtcp(tx, rtcp(SSRC, 2))));
        assertEquals(SrtpResult.REPLAYED, unprotectRtcp(rx, report));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aLatePacketInsideTheDefaultWindowIsAcceptedOnce(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] held = protectRtp(tx, rtp(SSRC, 500, 10));
        for (int seq = 501; seq <= 563; seq++) {
            assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, rtp(SSRC, seq, 10))));
        }
        // 63 behind the highest: the last slot of a 64-packet window.
        assertEquals(SrtpResult.OK, unprotectRtp(rx, held));
        assertEquals(SrtpResult.REPLAYED, unprotectRtp(rx, held));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aPacketJustBehindTheDefaultWindowIsTooOld(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] held = protectRtp(tx, rtp(SSRC, 500, 10));
        for (int seq = 501; seq <= 564; seq++) {
            assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, rtp(SSRC, seq, 10))));
        }
        assertEquals(SrtpResult.TOO_OLD, unprotectRtp(rx, held));
        assertEquals(1, rx.stats().tooOld());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aLargerConfiguredWindowAcceptsDeeperReordering(SrtpProfile profile) {
        SrtpOptions wide = SrtpOptions.DEFAULT.withRtpReplayWindow(1024);
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile, wide);
        byte[] held = protectRtp(tx, rtp(SSRC, 65000, 10));
        byte[] tooDeep = null;
        for (int i = 1; i <= 1023; i++) {
            assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, rtp(SSRC, (65000 + i) & 0xffff, 10))));
        }
        assertEquals(SrtpResult.OK, unprotectRtp(rx, held), "1023 behind, across the rollover");
        assertEquals(SrtpResult.REPLAYED, unprotectRtp(rx, held));
        tooDeep = held;
        assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, rtp(SSRC, (65000 + 1024) & 0xffff, 10))));
        assertEquals(SrtpResult.TOO_OLD, unprotectRtp(rx, tooDeep));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsFarOutsideTheWindowAreRejected(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] ancient = protectRtp(tx, rtp(SSRC, 100, 10));
        byte[] seen = null;
        for (int seq = 101; seq <= 5000; seq++) {
            byte[] p = protectRtp(tx, rtp(SSRC, seq, 10));
            if (seq == 200) {
                seen = p;
            }
            assertEquals(SrtpResult.OK, unprotectRtp(rx, p));
        }
        assertEquals(SrtpResult.TOO_OLD, unprotectRtp(rx, ancient), "never seen, 4900 behind");
        assertEquals(SrtpResult.TOO_OLD, unprotectRtp(rx, seen), "seen, and the window has moved on");
        // A sequence number more than half the space ahead reads as the previous rollover, which does not exist
        // at ROC 0; such a packet is only accepted if it authenticates under ROC 0, so a forged one fails.
        byte[] forged = protectRtp(context(profile), rtp(SSRC, 5000 + 40000, 10));
        forged[forged.length - 1] ^= 1;
        assertEquals(SrtpResult.AUTH_FAILED, unprotectRtp(rx, forged));
        assertEquals(5000, rx.highestReceivedRtpIndex(SSRC));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void anRtcpPacketBehindTheRtcpWindowIsTooOld(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[] held = protectRtcp(tx, rtcp(SSRC, 0));
        for (int i = 1; i <= 128; i++) {
            assertEquals(SrtpResult.OK, unprotectRtcp(rx, protectRtcp(tx, rtcp(SSRC, i))));
        }
        assertEquals(SrtpResult.TOO_OLD, unprotectRtcp(rx, held));
    }
}
