package dev.jwebrtc.srtp.internal;

import static dev.jwebrtc.srtp.Hex.bytes;
import static dev.jwebrtc.srtp.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.3: the AES-128 key derivation test vectors, kdr 0, index 0. */
class KeyDerivationRfc3711B3Test {

    private static final byte[] MASTER_KEY = bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = bytes("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void cipherKeyIsTheB3Value() {
        assertEquals("c61e7a93744f39ee10734afe3ff7a087",
                hex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_ENCRYPTION, 16)));
    }

    @Test
    void cipherSaltIsTheB3Value() {
        assertEquals("30cbbc08863d8c85d49db34a9ae1",
                hex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_SALT, 14)));
    }

    @Test
    void all94OctetsOfTheB3AuthKeyMatch() {
        assertEquals(("CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        + "E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25"
                        + "6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2")
                        .replace(" ", "").toLowerCase(),
                hex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_AUTH, 94)));
    }

    @Test
    void profileSessionKeysUseTheFirst20OctetsOfTheAuthKey() {
        SessionKeys keys = KeyDerivation.rtpKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
        assertEquals("c61e7a93744f39ee10734afe3ff7a087", hex(keys.encryptionKey()));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", hex(keys.salt()));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", hex(keys.authKey()));
    }

    @Test
    void srtcpLabelsGiveDifferentKeys() {
        SessionKeys rtp = KeyDerivation.rtpKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
        SessionKeys rtcp = KeyDerivation.rtcpKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
        org.junit.jupiter.api.Assertions.assertNotEquals(hex(rtp.encryptionKey()), hex(rtcp.encryptionKey()));
        org.junit.jupiter.api.Assertions.assertNotEquals(hex(rtp.authKey()), hex(rtcp.authKey()));
        org.junit.jupiter.api.Assertions.assertNotEquals(hex(rtp.salt()), hex(rtcp.salt()));
    }
}
