package dev.jwebrtc.srtp.internal;

import dev.jwebrtc.srtp.SrtpProfile;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function: AES in counter mode as a PRF over the master key (RFC 3711 §4.3.3), with key
 * derivation rate 0, which is what DTLS-SRTP uses (RFC 5764 §4.1.2).
 */
public final class KeyDerivation {

    /** RFC 3711 §4.3.1: label of the SRTP encryption key. */
    public static final int LABEL_RTP_ENCRYPTION = 0x00;
    /** RFC 3711 §4.3.1: label of the SRTP authentication key. */
    public static final int LABEL_RTP_AUTH = 0x01;
    /** RFC 3711 §4.3.1: label of the SRTP salting key. */
    public static final int LABEL_RTP_SALT = 0x02;
    /** RFC 3711 §4.3.2: label of the SRTCP encryption key. */
    public static final int LABEL_RTCP_ENCRYPTION = 0x03;
    /** RFC 3711 §4.3.2: label of the SRTCP authentication key. */
    public static final int LABEL_RTCP_AUTH = 0x04;
    /** RFC 3711 §4.3.2: label of the SRTCP salting key. */
    public static final int LABEL_RTCP_SALT = 0x05;

    private static final int BLOCK = 16;
    /** The PRF input x is 112 bits (RFC 3711 §4.3.1); a shorter master salt is padded on the right with zeros. */
    private static final int X_LENGTH = 14;

    private KeyDerivation() {
    }

    /**
     * Derives {@code length} octets for {@code label} (RFC 3711 §4.3.1). With kdr 0 the value {@code r} is zero, so
     * {@code x = label * 2^48 XOR master_salt} and the output is the AES-CM keystream of {@code x * 2^16}.
     *
     * @throws IllegalArgumentException if the key is not 16 or 32 octets, or the salt is longer than 14 octets
     */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterKey.length != 16 && masterKey.length != 32) {
            throw new IllegalArgumentException("master key must be 16 or 32 octets, was " + masterKey.length);
        }
        if (masterSalt.length > X_LENGTH) {
            throw new IllegalArgumentException("master salt must be at most 14 octets, was " + masterSalt.length);
        }
        byte[] input = new byte[BLOCK];
        System.arraycopy(masterSalt, 0, input, 0, masterSalt.length);
        // RFC 3711 §4.3.1: key_id = label || r (r = 48 zero bits), XORed into the low 56 bits of the 112-bit salt.
        input[X_LENGTH - 7] ^= (byte) label;
        int blocks = (length + BLOCK - 1) / BLOCK;
        byte[] counterBlocks = new byte[blocks * BLOCK];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(input, 0, counterBlocks, b * BLOCK, BLOCK);
            // RFC 3711 §4.3.3: the counter occupies the 16 bits that x * 2^16 leaves free.
            counterBlocks[b * BLOCK + 14] = (byte) (b >>> 8);
            counterBlocks[b * BLOCK + 15] = (byte) b;
        }
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] keystream = aes.doFinal(counterBlocks);
            byte[] out = new byte[length];
            System.arraycopy(keystream, 0, out, 0, length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable AES/ECB/NoPadding", e);
        }
    }

    /** The SRTP session keys of {@code profile} from one master key and salt. */
    public static SessionKeys rtpKeys(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return keys(profile, masterKey, masterSalt, LABEL_RTP_ENCRYPTION, LABEL_RTP_AUTH, LABEL_RTP_SALT);
    }

    /** The SRTCP session keys of {@code profile} from one master key and salt. */
    public static SessionKeys rtcpKeys(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return keys(profile, masterKey, masterSalt, LABEL_RTCP_ENCRYPTION, LABEL_RTCP_AUTH, LABEL_RTCP_SALT);
    }

    private static SessionKeys keys(
            SrtpProfile profile, byte[] masterKey, byte[] masterSalt, int encLabel, int authLabel, int saltLabel) {
        byte[] enc = derive(masterKey, masterSalt, encLabel, profile.keyLength());
        byte[] salt = derive(masterKey, masterSalt, saltLabel, profile.saltLength());
        byte[] auth = profile.aead()
                ? new byte[0]
                : derive(masterKey, masterSalt, authLabel, SrtpProfile.HMAC_SHA1_KEY_LENGTH);
        return new SessionKeys(enc, salt, auth);
    }
}
