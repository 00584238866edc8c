package dev.jwebrtc.dtls;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.jspecify.annotations.Nullable;

/**
 * One direction of AES-GCM for BC's record layer (RFC 5288), on the JDK's {@code AES/GCM/NoPadding} with a
 * {@link GCMParameterSpec} per record. BC's own JCA adapter builds a provider-looked-up {@code AlgorithmParameters}
 * object for every record instead, which cost about as much as the encryption of a 1 KB record.
 *
 * <p>Failures follow BC's adapter: a JCA exception (a wrong tag above all) becomes an {@link IllegalStateException},
 * which BC's {@code TlsAEADCipher} turns into a {@code bad_record_mac} record drop.
 */
final class JdkAesGcmCipher implements TlsAEADCipherImpl {

    private final Cipher cipher;
    private final int mode;
    private final int keySize;
    private @Nullable SecretKeySpec key;

    JdkAesGcmCipher(int keySize, boolean encrypting) throws GeneralSecurityException {
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        this.mode = encrypting ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        this.keySize = keySize;
    }

    @Override
    public void setKey(byte[] keyBytes, int offset, int length) {
        if (length != keySize) {
            throw new IllegalStateException("AES-GCM key of " + length + " bytes, expected " + keySize);
        }
        key = new SecretKeySpec(keyBytes, offset, length, "AES");
    }

    @Override
    public void init(byte[] nonce, int macSize) {
        if (key == null) {
            throw new IllegalStateException("AES-GCM used before setKey()");
        }
        try {
            cipher.init(mode, key, new GCMParameterSpec(macSize * 8, nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM init failed", e);
        }
    }

    @Override
    public int getOutputSize(int inputLength) {
        return cipher.getOutputSize(inputLength);
    }

    @Override
    public int doFinal(byte @Nullable [] additionalData, byte[] input, int inputOffset, int inputLength,
                       byte[] output, int outputOffset) {
        try {
            if (additionalData != null && additionalData.length > 0) {
                cipher.updateAAD(additionalData);
            }
            return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM record rejected", e);
        }
    }
}
