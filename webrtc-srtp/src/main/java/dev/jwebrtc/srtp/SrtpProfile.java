package dev.jwebrtc.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles WebRTC negotiates through DTLS-SRTP, with their RFC 5764 profile ids and lengths.
 *
 * <p>Lengths are in octets. The CM profiles use a 160-bit HMAC-SHA1 key (RFC 3711 §8.2); the AEAD profiles have
 * no separate authentication key (RFC 7714 §12).
 */
public enum SrtpProfile {
    /** AES-128 counter mode with an 80-bit HMAC-SHA1 tag (RFC 5764 §4.1.2, id 0x0001). */
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, false, 16, 14, 10, 10),
    /** AES-128 counter mode with a 32-bit RTP tag; SRTCP keeps the 80-bit tag (RFC 5764 §4.1.2, id 0x0002). */
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, false, 16, 14, 4, 10),
    /** AES-128 in Galois/counter mode with a 128-bit tag (RFC 7714 §14.2, id 0x0007). */
    SRTP_AEAD_AES_128_GCM(0x0007, true, 16, 12, 16, 16),
    /** AES-256 in Galois/counter mode with a 128-bit tag (RFC 7714 §14.2, id 0x0008). */
    SRTP_AEAD_AES_256_GCM(0x0008, true, 32, 12, 16, 16);

    /** Length of the HMAC-SHA1 session authentication key of the CM profiles (RFC 3711 §8.2: n_a = 160). */
    public static final int HMAC_SHA1_KEY_LENGTH = 20;
    /** Length of the SRTCP {@code E || SRTCP index} word (RFC 3711 §3.4). */
    public static final int SRTCP_INDEX_LENGTH = 4;

    private final int id;
    private final boolean aead;
    private final int keyLength;
    private final int saltLength;
    private final int rtpAuthTagLength;
    private final int rtcpAuthTagLength;

    SrtpProfile(int id, boolean aead, int keyLength, int saltLength, int rtpAuthTagLength, int rtcpAuthTagLength) {
        this.id = id;
        this.aead = aead;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpAuthTagLength = rtpAuthTagLength;
        this.rtcpAuthTagLength = rtcpAuthTagLength;
    }

    /** The two-octet SRTPProtectionProfile value of the {@code use_srtp} extension (RFC 5764 §4.1.2). */
    public int id() {
        return id;
    }

    /** Whether this is an AEAD profile (RFC 7714) rather than AES-CM with HMAC-SHA1 (RFC 3711). */
    public boolean aead() {
        return aead;
    }

    /** Master (and session) encryption key length. */
    public int keyLength() {
        return keyLength;
    }

    /** Master (and session) salt length. */
    public int saltLength() {
        return saltLength;
    }

    /** Authentication tag length appended to SRTP packets. */
    public int rtpAuthTagLength() {
        return rtpAuthTagLength;
    }

    /** Authentication tag length appended to SRTCP packets. */
    public int rtcpAuthTagLength() {
        return rtcpAuthTagLength;
    }

    /** Octets that protecting adds to an RTP packet: the tag (no MKI in WebRTC). */
    public int rtpOverhead() {
        return rtpAuthTagLength;
    }

    /** Octets that protecting adds to an RTCP packet: the {@code E || SRTCP index} word and the tag. */
    public int rtcpOverhead() {
        return rtcpAuthTagLength + SRTCP_INDEX_LENGTH;
    }

    /**
     * Length of the DTLS-SRTP keying material to export for this profile (RFC 5764 §4.2): two master keys and two
     * master salts.
     */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with this RFC 5764 id, if jwebrtc implements it. */
    public static Optional<SrtpProfile> fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
