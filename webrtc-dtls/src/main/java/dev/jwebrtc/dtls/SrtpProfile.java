package dev.jwebrtc.dtls;

import java.util.Optional;

/**
 * The DTLS-SRTP protection profiles jwebrtc negotiates (RFC 5764 §4.1.2, RFC 7714 §14.2), with the key and salt
 * sizes their keying material needs.
 */
public enum SrtpProfile {
    /** RFC 5764 §4.1.2: SRTP_AES128_CM_HMAC_SHA1_80. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
    /** RFC 5764 §4.1.2: SRTP_AES128_CM_HMAC_SHA1_32. */
    AES128_CM_HMAC_SHA1_32(0x0002, 16, 14),
    /** RFC 7714 §14.2: SRTP_AEAD_AES_128_GCM. */
    AEAD_AES_128_GCM(0x0007, 16, 12),
    /** RFC 7714 §14.2: SRTP_AEAD_AES_256_GCM. */
    AEAD_AES_256_GCM(0x0008, 32, 12);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte SRTPProtectionProfile value of the use_srtp extension. */
    public int id() {
        return id;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** RFC 5764 §4.2: the exporter output is two keys and two salts. */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with the given use_srtp value, if jwebrtc supports it. */
    public static Optional<SrtpProfile> byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
