package dev.jwebrtc.srtp.internal;

/**
 * The session keys of one direction of SRTP or of SRTCP (RFC 3711 §4.3.1). The arrays are owned by this record's
 * creator and never modified after construction.
 *
 * @param encryptionKey k_e
 * @param salt          k_s (14 octets for AES-CM, 12 for AES-GCM)
 * @param authKey       k_a (20 octets for HMAC-SHA1; empty for AEAD profiles)
 */
public record SessionKeys(byte[] encryptionKey, byte[] salt, byte[] authKey) {

    /** Copies the arrays so later changes to the caller's arrays cannot reach the keys. */
    public SessionKeys {
        encryptionKey = encryptionKey.clone();
        salt = salt.clone();
        authKey = authKey.clone();
    }
}
