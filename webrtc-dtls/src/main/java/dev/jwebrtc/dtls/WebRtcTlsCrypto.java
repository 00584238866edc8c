package dev.jwebrtc.dtls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * BC's JCA-backed TLS crypto on the JDK's own providers (AES-GCM, ECDHE, ECDSA and RSA get the JDK's intrinsics),
 * except ChaCha20-Poly1305: BC's JCA path asks for a {@code ChaCha7539} cipher that only the BC provider has, so that
 * one AEAD comes from BC's lightweight implementation instead. AES-GCM runs through {@link JdkAesGcmCipher}, which
 * skips BC's per-record {@code AlgorithmParameters} lookup. No security provider is registered globally.
 */
final class WebRtcTlsCrypto extends JcaTlsCrypto {

    private final BcTlsCrypto lightweight;

    WebRtcTlsCrypto(SecureRandom random) {
        super(new DefaultJcaJceHelper(), random, random);
        this.lightweight = new BcTlsCrypto(random);
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters cryptoParams, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        if (encryptionAlgorithm == EncryptionAlgorithm.CHACHA20_POLY1305) {
            // RFC 7905: the key block comes from the (JCA) master secret; only the AEAD runs on BC's lightweight API.
            return lightweight.createCipher(cryptoParams, encryptionAlgorithm, macAlgorithm);
        }
        return super.createCipher(cryptoParams, encryptionAlgorithm, macAlgorithm);
    }

    @Override
    protected TlsAEADCipherImpl createAEADCipher(String cipherName, String algorithm, int keySize,
                                                 boolean isEncrypting) throws GeneralSecurityException {
        if ("AES/GCM/NoPadding".equals(cipherName)) {
            return new JdkAesGcmCipher(keySize, isEncrypting);
        }
        return super.createAEADCipher(cipherName, algorithm, keySize, isEncrypting);
    }

    @Override
    public boolean hasEncryptionAlgorithm(int encryptionAlgorithm) {
        return encryptionAlgorithm == EncryptionAlgorithm.CHACHA20_POLY1305
                || super.hasEncryptionAlgorithm(encryptionAlgorithm);
    }
}
