package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.srtp.internal.KeyDerivation;
import dev.jwebrtc.srtp.internal.SessionKeys;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 3711 §3.4: the SRTCP index counts per SSRC, travels with the E bit, and E = 0 packets are authenticated only. */
class SrtcpIndexAndEBitTest {

    private static int indexWord(SrtpProfile profile, byte[] srtcp) {
        int at = profile.aead() ? srtcp.length - 4 : srtcp.length - profile.rtcpAuthTagLength() - 4;
        return ByteBuffer.wrap(srtcp).getInt(at);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theIndexCountsUpPerSsrcWithTheEBitSet(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        int a = 0xaaaa0001;
        int b = 0xbbbb0002;
        assertEquals(0x80000000, indexWord(profile, TestPackets.protectRtcp(tx, TestPackets.rtcp(a, 0))));
        assertEquals(0x80000001, indexWord(profile, TestPackets.protectRtcp(tx, TestPackets.rtcp(a, 1))));
        assertEquals(0x80000000, indexWord(profile, TestPackets.protectRtcp(tx, TestPackets.rtcp(b, 2))));
        assertEquals(0x80000002, indexWord(profile, TestPackets.protectRtcp(tx, TestPackets.rtcp(a, 3))));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theLastIndexBeforeExhaustionIsUsedThenProtectRefuses(SrtpProfile profile) {
        SrtpContext tx = context(profile);
        int ssrc = 77;
        tx.setNextSrtcpIndex(ssrc, 0x7fffffff);
        assertEquals(0xffffffff, indexWord(profile, TestPackets.protectRtcp(tx, TestPackets.rtcp(ssrc, 0))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestPackets.protectRtcp(tx, TestPackets.rtcp(ssrc, 1)));
    }

    @Test
    void anUnencryptedAesCmSrtcpPacketIsAcceptedWhenItsTagIsRight() throws Exception {
        // Built by hand with the JDK's HMAC and the SRTCP auth key (label 0x04), independently of the context.
        SrtpProfile profile = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
        SessionKeys keys = KeyDerivation.rtcpKeys(profile, TestPackets.KEY_16, TestPackets.SALT_14);
        byte[] rtcp = TestPackets.rtcp(0x01020304, 5);
        byte[] packet = Arrays.copyOf(rtcp, rtcp.length + 4 + 10);
        ByteBuffer.wrap(packet).putInt(rtcp.length, 42); // E = 0, index 42
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
        mac.update(packet, 0, rtcp.length + 4);
        System.arraycopy(mac.doFinal(), 0, packet, rtcp.length + 4, 10);

        SrtpContext rx = context(profile);
        ByteBuffer buf = ByteBuffer.wrap(packet.clone());
        assertEquals(SrtpResult.OK, rx.unprotectRtcp(buf));
        assertArrayEquals(rtcp, Arrays.copyOf(buf.array(), buf.limit()));
        assertEquals(SrtpResult.REPLAYED, rx.unprotectRtcp(ByteBuffer.wrap(packet.clone())));
        packet[rtcp.length] |= (byte) 0x80; // claim encryption: the tag no longer matches
        assertEquals(SrtpResult.AUTH_FAILED, context(profile).unprotectRtcp(ByteBuffer.wrap(packet)));
    }
}
