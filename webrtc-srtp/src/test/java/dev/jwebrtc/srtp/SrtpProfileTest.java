package dev.jwebrtc.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Profile ids (RFC 5764 §4.1.2, RFC 7714 §14.2) and lengths (RFC 5764 §4.1.2, RFC 7714 §12). */
class SrtpProfileTest {

    @Test
    void idsAreTheRegisteredValues() {
        assertEquals(0x0001, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.id());
        assertEquals(0x0002, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32.id());
        assertEquals(0x0007, SrtpProfile.SRTP_AEAD_AES_128_GCM.id());
        assertEquals(0x0008, SrtpProfile.SRTP_AEAD_AES_256_GCM.id());
        for (SrtpProfile p : SrtpProfile.values()) {
            assertEquals(Optional.of(p), SrtpProfile.fromId(p.id()));
        }
        assertTrue(SrtpProfile.fromId(0x0005).isEmpty(), "NULL-cipher profiles are not offered");
    }

    @Test
    void lengthsMatchTheProfileDefinitions() {
        assertEquals(60, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.keyingMaterialLength());
        assertEquals(10, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.rtpOverhead());
        assertEquals(4, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32.rtpOverhead());
        assertEquals(14, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32.rtcpOverhead(), "SRTCP keeps the 80-bit tag");
        assertEquals(56, SrtpProfile.SRTP_AEAD_AES_128_GCM.keyingMaterialLength());
        assertEquals(88, SrtpProfile.SRTP_AEAD_AES_256_GCM.keyingMaterialLength());
        assertEquals(16, SrtpProfile.SRTP_AEAD_AES_256_GCM.rtpOverhead());
        assertEquals(20, SrtpProfile.SRTP_AEAD_AES_256_GCM.rtcpOverhead());
    }
}
