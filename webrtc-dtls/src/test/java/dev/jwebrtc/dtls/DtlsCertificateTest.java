package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    // One generated certificate per key type for the whole class: generation is the slow part.
    private static final DtlsCertificate EC = DtlsCertificate.generate();
    private static final DtlsCertificate RSA = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048,
            Duration.ofDays(7));

    private static String resource(String name) throws IOException {
        try (InputStream in = DtlsCertificateTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void defaultCertificateIsSelfSignedEcdsaP256ValidForThirtyDays() throws Exception {
        assertEquals(DtlsCertificate.KeyType.ECDSA_P256, EC.keyType());
        ECPublicKey key = (ECPublicKey) EC.publicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        var x509 = new JcaX509CertificateConverter().getCertificate(new X509CertificateHolder(EC.der()));
        x509.verify(EC.publicKey()); // self-signed: its own key verifies the signature
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        Duration lifetime = Duration.between(Instant.now(), EC.expires());
        assertTrue(lifetime.compareTo(Duration.ofDays(29)) > 0 && lifetime.compareTo(Duration.ofDays(31)) < 0,
                "expires in " + lifetime);
        assertTrue(EC.notBefore().isBefore(Instant.now()));
        assertFalse(EC.isExpired(Instant.now()));
        assertTrue(EC.isExpired(EC.expires().plusSeconds(1)));
    }

    @Test
    void rsaCertificateHas2048BitModulusAndRequestedExpiry() throws Exception {
        assertEquals(DtlsCertificate.KeyType.RSA_2048, RSA.keyType());
        assertEquals(2048, ((RSAPublicKey) RSA.publicKey()).getModulus().bitLength());
        var x509 = new JcaX509CertificateConverter().getCertificate(new X509CertificateHolder(RSA.der()));
        x509.verify(RSA.publicKey());
        assertEquals("SHA256WITHRSA", x509.getSigAlgName().toUpperCase(java.util.Locale.ROOT));
        long days = ChronoUnit.HOURS.between(Instant.now(), RSA.expires()) / 24;
        assertEquals(6, days); // 7 days minus the few seconds the test took, floored
    }

    @Test
    void generationWithExplicitClockSetsValidityWindow() {
        Instant now = Instant.parse("2030-01-02T03:04:05.678Z");
        DtlsCertificate c = DtlsCertificate.generate(DtlsCertificate.KeyType.ECDSA_P256, now, Duration.ofHours(2),
                new java.security.SecureRandom());
        assertEquals(Instant.parse("2030-01-02T05:04:05Z"), c.expires());
        assertEquals(Instant.parse("2030-01-01T03:04:05Z"), c.notBefore());
        assertThrows(IllegalArgumentException.class, () -> DtlsCertificate.generate(
                DtlsCertificate.KeyType.ECDSA_P256, now, Duration.ZERO, new java.security.SecureRandom()));
    }

    @Test
    void eachGenerationYieldsANewIdentity() {
        DtlsCertificate other = DtlsCertificate.generate();
        assertNotEquals(EC.fingerprint(), other.fingerprint());
    }

    @Test
    void fingerprintsUseEverySupportedHashAndRoundTripThroughSdpText() {
        assertEquals(3, EC.fingerprints().size());
        for (FingerprintAlgorithm algorithm : FingerprintAlgorithm.values()) {
            DtlsFingerprint f = EC.fingerprint(algorithm);
            assertEquals(algorithm.length(), f.value().length);
            assertTrue(f.matches(EC.der()));
            assertFalse(f.matches(RSA.der()));
            String text = f.format();
            assertTrue(text.startsWith(algorithm.sdpName() + " "), text);
            assertTrue(text.matches("sha-\\d+ ([0-9A-F]{2}:)+[0-9A-F]{2}"), text);
            assertEquals(f, DtlsFingerprint.parse(text));
            assertEquals(f, DtlsFingerprint.parse(text.toLowerCase(java.util.Locale.ROOT)));
            assertEquals(f, DtlsFingerprint.parse(text.toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(FingerprintAlgorithm.SHA_256, EC.fingerprint().algorithm());
    }

    @Test
    void fingerprintMatchesOpensslComputation() throws IOException {
        DtlsCertificate imported = DtlsCertificate.fromPem(resource("openssl-ec-p256.pem"));
        // `openssl x509 -fingerprint -sha256` / `-sha1` output, recorded when the resource was made.
        String sha256 = resource("openssl-ec-p256.sha256").strip().replace("sha256 Fingerprint=", "sha-256 ");
        String sha1 = resource("openssl-ec-p256.sha1").strip().replace("sha1 Fingerprint=", "sha-1 ");
        assertEquals(sha256, imported.fingerprint().format());
        assertEquals(sha1, imported.fingerprint(FingerprintAlgorithm.SHA_1).format());
        assertEquals(DtlsCertificate.KeyType.ECDSA_P256, imported.keyType());
    }

    @Test
    void malformedFingerprintTextIsRejectedWithAClearMessage() {
        String valid = EC.fingerprint().format();
        var md5 = assertThrows(IllegalArgumentException.class,
                () -> DtlsFingerprint.parse("md5 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"));
        assertTrue(md5.getMessage().contains("md5"), md5.getMessage());
        var shortValue = assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-256 AB:CD"));
        assertTrue(shortValue.getMessage().contains("32 bytes"), shortValue.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse(valid.replace(':', '-')));
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse(valid.replace("A", "G")));
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-256"));
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse(""));
    }

    @Test
    void fingerprintIsImmutable() {
        DtlsFingerprint f = EC.fingerprint();
        byte[] copy = f.value();
        copy[0] ^= 1;
        assertArrayEquals(EC.fingerprint().value(), f.value());
    }

    @Test
    void pemExportImportKeepsTheIdentityForBothKeyTypes() {
        for (DtlsCertificate original : new DtlsCertificate[] {EC, RSA}) {
            String pem = original.toPem();
            assertTrue(pem.contains("-----BEGIN CERTIFICATE-----"));
            assertTrue(pem.contains("-----BEGIN PRIVATE KEY-----"));
            DtlsCertificate back = DtlsCertificate.fromPem(pem);
            assertEquals(original.fingerprint(), back.fingerprint());
            assertEquals(original.keyType(), back.keyType());
            assertEquals(original.expires(), back.expires());
            assertArrayEquals(original.privateKey().getEncoded(), back.privateKey().getEncoded());
        }
    }

    @Test
    void pemImportRejectsMissingOrForeignKey() {
        String ecPem = EC.toPem();
        String certOnly = ecPem.substring(0, ecPem.indexOf("-----BEGIN PRIVATE KEY-----"));
        String keyOnly = ecPem.substring(ecPem.indexOf("-----BEGIN PRIVATE KEY-----"));
        String otherKey = DtlsCertificate.generate().toPem();
        otherKey = otherKey.substring(otherKey.indexOf("-----BEGIN PRIVATE KEY-----"));
        var noKey = assertThrows(IllegalArgumentException.class, () -> DtlsCertificate.fromPem(certOnly));
        assertTrue(noKey.getMessage().contains("private key"), noKey.getMessage());
        var noCert = assertThrows(IllegalArgumentException.class, () -> DtlsCertificate.fromPem(keyOnly));
        assertTrue(noCert.getMessage().contains("CERTIFICATE"), noCert.getMessage());
        String mixed = certOnly + otherKey;
        var foreign = assertThrows(IllegalArgumentException.class, () -> DtlsCertificate.fromPem(mixed));
        assertTrue(foreign.getMessage().contains("does not belong"), foreign.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DtlsCertificate.fromPem("not pem at all"));
    }
}
