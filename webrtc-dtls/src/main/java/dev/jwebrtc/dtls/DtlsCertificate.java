package dev.jwebrtc.dtls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A self-signed certificate and its private key: the DTLS identity of a peer, as W3C {@code RTCCertificate}.
 *
 * <p>Generating a key pair is slow (RSA-2048 takes hundreds of milliseconds), so one certificate is meant to be
 * reused by many endpoints; it is immutable and safe to share between threads. {@link #toPem()} and
 * {@link #fromPem(String)} let an application keep a stable identity across runs.
 *
 * <p>Peers authenticate each other by the certificate's fingerprint exchanged in SDP (RFC 8122), not by a CA chain,
 * so the subject is just {@code CN=WebRTC}.
 */
public final class DtlsCertificate {

    /** The key types WebRTC peers accept. */
    public enum KeyType {
        /** ECDSA on NIST P-256 with SHA-256: the default of every browser. */
        ECDSA_P256,
        /** RSA with a 2048-bit modulus and SHA-256 (RSASSA-PKCS1-v1_5). */
        RSA_2048
    }

    /** W3C webrtc-pc §4.9.1 (generateCertificate): certificates expire after 30 days by default. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

    /** The validity starts this much before "now" so that a peer with a slow clock accepts the certificate. */
    private static final Duration BACKDATE = Duration.ofDays(1);

    private final KeyType keyType;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] der;
    private final Instant notBefore;
    private final Instant notAfter;

    private DtlsCertificate(KeyType keyType, PrivateKey privateKey, PublicKey publicKey, byte[] der,
                            Instant notBefore, Instant notAfter) {
        this.keyType = keyType;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.der = der;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** A new ECDSA P-256 certificate valid for {@link #DEFAULT_VALIDITY} from now. */
    public static DtlsCertificate generate() {
        return generate(KeyType.ECDSA_P256, DEFAULT_VALIDITY);
    }

    /** A new certificate of the given key type, valid for {@code validity} from now. */
    public static DtlsCertificate generate(KeyType keyType, Duration validity) {
        return generate(keyType, Instant.now(), validity, new SecureRandom());
    }

    /**
     * A new self-signed certificate.
     *
     * @param keyType the key algorithm
     * @param now the wall-clock time the validity is computed from (a certificate is wall-clock data)
     * @param validity how long after {@code now} it expires; must be positive
     * @param random the source of key material and serial number
     */
    public static DtlsCertificate generate(KeyType keyType, Instant now, Duration validity, SecureRandom random) {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive, got " + validity);
        }
        try {
            KeyPair pair = newKeyPair(keyType, random);
            // RFC 5280 §4.1.2.5: validity; truncated to seconds because X.509 time has no finer resolution.
            Instant notBefore = now.minus(BACKDATE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Instant notAfter = now.plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            // RFC 5280 §4.1.2.2: a positive serial number of at most 20 octets.
            BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
            X500Name name = new X500Name("CN=WebRTC");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name, serial, Date.from(notBefore), Date.from(notAfter), name, pair.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(keyType))
                    .setSecureRandom(random).build(pair.getPrivate());
            byte[] der = builder.build(signer).getEncoded();
            return new DtlsCertificate(keyType, pair.getPrivate(), pair.getPublic(), der, notBefore, notAfter);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a " + keyType + " certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair(KeyType keyType, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator;
        if (keyType == KeyType.ECDSA_P256) {
            generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        } else {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
        }
        return generator.generateKeyPair();
    }

    private static String signatureAlgorithm(KeyType keyType) {
        return keyType == KeyType.ECDSA_P256 ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /**
     * Reads a certificate and its private key from PEM text, as written by {@link #toPem()} or OpenSSL
     * ({@code CERTIFICATE} plus {@code PRIVATE KEY}, {@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY}, in any order).
     *
     * @throws IllegalArgumentException naming the problem if a block is missing, the key does not belong to the
     *     certificate, or the key is neither ECDSA P-256 nor RSA of at least 2048 bits
     */
    public static DtlsCertificate fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        X509CertificateHolder holder = null;
        PrivateKey key = null;
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder h) {
                    if (holder != null) {
                        throw new IllegalArgumentException("PEM holds more than one certificate; expected exactly one");
                    }
                    holder = h;
                } else if (item instanceof PrivateKeyInfo info) {
                    key = converter.getPrivateKey(info);
                } else if (item instanceof PEMKeyPair pair) {
                    key = converter.getKeyPair(pair).getPrivate();
                } else {
                    throw new IllegalArgumentException("unexpected PEM block " + item.getClass().getSimpleName()
                            + " (expected CERTIFICATE and an unencrypted private key)");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
        }
        if (holder == null) {
            throw new IllegalArgumentException("PEM has no CERTIFICATE block");
        }
        if (key == null) {
            throw new IllegalArgumentException("PEM has no private key block");
        }
        try {
            PublicKey publicKey = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                    .getCertificate(holder).getPublicKey();
            KeyType type = keyTypeOf(key);
            if (!belongTogether(type, key, publicKey)) {
                throw new IllegalArgumentException("the private key does not belong to the certificate");
            }
            return new DtlsCertificate(type, key, publicKey, holder.getEncoded(),
                    holder.getNotBefore().toInstant(), holder.getNotAfter().toInstant());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyType keyTypeOf(PrivateKey key) {
        if (key instanceof ECKey ec) {
            if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("only ECDSA keys on P-256 are supported, got a "
                        + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve");
            }
            return KeyType.ECDSA_P256;
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("RSA keys need at least 2048 bits, got "
                        + rsa.getModulus().bitLength());
            }
            return KeyType.RSA_2048;
        }
        throw new IllegalArgumentException("unsupported private key algorithm " + key.getAlgorithm());
    }

    private static boolean belongTogether(KeyType type, PrivateKey key, PublicKey publicKey)
            throws GeneralSecurityException {
        byte[] probe = "jwebrtc key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(signatureAlgorithm(type));
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureAlgorithm(type));
        try {
            verifier.initVerify(publicKey);
        } catch (java.security.InvalidKeyException e) {
            return false;
        }
        verifier.update(probe);
        return verifier.verify(signature);
    }

    /** The certificate followed by its private key (PKCS#8), both PEM-encoded. Keep it secret. */
    public String toPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject("CERTIFICATE", der));
            writer.writeObject(new PemObject("PRIVATE KEY", privateKey.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The key type. */
    public KeyType keyType() {
        return keyType;
    }

    /** The DER encoding of the certificate (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Start of validity. */
    public Instant notBefore() {
        return notBefore;
    }

    /** End of validity ({@code RTCCertificate.expires}). */
    public Instant expires() {
        return notAfter;
    }

    /** Whether the certificate has expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return now.isAfter(notAfter);
    }

    /** The SHA-256 fingerprint, the one to put in SDP. */
    public DtlsFingerprint fingerprint() {
        return fingerprint(FingerprintAlgorithm.SHA_256);
    }

    /** The fingerprint with the given hash function. */
    public DtlsFingerprint fingerprint(FingerprintAlgorithm algorithm) {
        return DtlsFingerprint.of(algorithm, der);
    }

    /** The SHA-256, SHA-384 and SHA-512 fingerprints ({@code RTCCertificate.getFingerprints()}). */
    public List<DtlsFingerprint> fingerprints() {
        List<DtlsFingerprint> out = new ArrayList<>();
        out.add(fingerprint(FingerprintAlgorithm.SHA_256));
        out.add(fingerprint(FingerprintAlgorithm.SHA_384));
        out.add(fingerprint(FingerprintAlgorithm.SHA_512));
        return List.copyOf(out);
    }

    /** The private key; package-private so only the endpoint can sign with it. */
    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + keyType + ", expires " + notAfter + ", " + fingerprint() + "]";
    }
}
