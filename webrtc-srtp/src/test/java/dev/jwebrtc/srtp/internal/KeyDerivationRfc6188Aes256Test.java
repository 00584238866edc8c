package dev.jwebrtc.srtp.internal;

import static dev.jwebrtc.srtp.Hex.bytes;
import static dev.jwebrtc.srtp.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * RFC 6188 §7.2: key derivation with a 256-bit master key. The AEAD_AES_256_GCM profile derives its session keys with
 * this same AES-256 PRF (RFC 7714 §11), so the vector covers our 256-bit path.
 */
class KeyDerivationRfc6188Aes256Test {

    private static final byte[] MASTER_KEY =
            bytes("f0f04914b513f2763a1b1fa130f10e29 98f6f6e43e4309d1e622a0e332b9f1b6");
    private static final byte[] MASTER_SALT = bytes("3b04803de51ee7c96423ab5b78d2");

    @Test
    void cipherKeyIsTheRfc6188Value() {
        assertEquals("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4",
                hex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_ENCRYPTION, 32)));
    }

    @Test
    void cipherSaltIsTheRfc6188Value() {
        assertEquals("fa31791685ca444a9e07c6c64e93",
                hex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_SALT, 14)));
    }

    @Test
    void authKeyIsTheRfc6188Value() {
        assertEquals("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05",
                hex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_AUTH, 20)));
    }

    @Test
    void rejectsKeysOfOtherLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyDerivation.derive(new byte[24], MASTER_SALT, KeyDerivation.LABEL_RTP_ENCRYPTION, 16));
        assertThrows(IllegalArgumentException.class,
                () -> KeyDerivation.derive(new byte[16], new byte[15], KeyDerivation.LABEL_RTP_ENCRYPTION, 16));
    }
}
