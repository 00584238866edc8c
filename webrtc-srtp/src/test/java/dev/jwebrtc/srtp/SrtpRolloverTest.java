package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static dev.jwebrtc.srtp.TestPackets.protectRtp;
import static dev.jwebrtc.srtp.TestPackets.rtp;
import static dev.jwebrtc.srtp.TestPackets.unprotectRtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rollover counter across 65535 → 0 (RFC 3711 §3.3.1, Appendix A), in order and reordered, for every profile. */
class SrtpRolloverTest {

    private static final int SSRC = 0x11223344;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void inOrderPacketsCrossTheRolloverTwice(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        int start = 65500;
        int count = 2 * 65536; // wraps after 36 and after 65572 packets
        byte[][] plain = new byte[1][];
        for (int i = 0; i < count; i++) {
            int seq = (start + i) & 0xffff;
            byte[] packet = rtp(SSRC, seq, 8);
            assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, packet), plain), "packet " + i);
            assertArrayEquals(packet, plain[0]);
        }
        long lastIndex = start + count - 1L;
        assertEquals(lastIndex, rx.highestReceivedRtpIndex(SSRC));
        assertEquals(2, lastIndex >>> 16, "ROC after two wraps");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsReorderedAroundTheRolloverAreAllAccepted(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        Map<Integer, byte[]> sent = new HashMap<>();
        Map<Integer, byte[]> plainBySeq = new HashMap<>();
        for (int seq : new int[] {65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3, 4, 5}) {
            byte[] p = rtp(SSRC, seq, 20);
            plainBySeq.put(seq, p);
            sent.put(seq, protectRtp(tx, p));
        }
        byte[][] plain = new byte[1][];
        for (int seq : new int[] {65530, 65531, 0, 1, 65532, 2, 65535, 65533, 3, 65534, 5, 4}) {
            assertEquals(SrtpResult.OK, unprotectRtp(rx, sent.get(seq), plain), "seq " + seq);
            assertArrayEquals(plainBySeq.get(seq), plain[0], "seq " + seq);
        }
        assertEquals(65536 + 5, rx.highestReceivedRtpIndex(SSRC));
        assertEquals(SrtpResult.REPLAYED, unprotectRtp(rx, sent.get(65535)));
        assertEquals(SrtpResult.REPLAYED, unprotectRtp(rx, sent.get(0)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aLateSendBeforeTheRolloverKeepsItsOldRoc(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        byte[][] plain = new byte[1][];
        for (int seq : new int[] {65533, 65535, 0, 1, 65534}) {
            byte[] p = rtp(SSRC, seq, 10);
            assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, p), plain), "seq " + seq);
            assertArrayEquals(p, plain[0]);
        }
        assertEquals(65536 + 1, rx.highestReceivedRtpIndex(SSRC));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aWrongRocGuessIsAnAuthenticationFailureNotGarbage(SrtpProfile profile) {
        // The receiver joins at seq 10 of ROC 0; the sender has meanwhile wrapped, so seq 20 under ROC 1 is
        // estimated as ROC 0 and must fail authentication instead of decrypting to garbage.
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile);
        assertEquals(SrtpResult.OK, unprotectRtp(rx, protectRtp(tx, rtp(SSRC, 10, 10))));
        for (int seq = 11; seq <= 65535; seq += 1000) {
            protectRtp(tx, rtp(SSRC, seq, 1));
        }
        protectRtp(tx, rtp(SSRC, 65535, 1));
        byte[] late = protectRtp(tx, rtp(SSRC, 20, 10));
        assertEquals(SrtpResult.AUTH_FAILED, unprotectRtp(rx, late));
        assertEquals(1, rx.stats().authFailed());
    }
}
