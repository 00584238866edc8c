package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;

/**
 * WebRTC authenticates certificates by fingerprint only (RFC 8827 §6.5), so the hash a peer signed its self-signed
 * certificate with must not matter, even one we would never offer ourselves.
 */
class PeerCertificateSignatureAlgorithmTest {

    private static DtlsCertificate selfSigned(String signatureAlgorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name name = new X500Name("CN=legacy");
        byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86400)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())).getEncoded();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new PemObject("CERTIFICATE", der));
            w.writeObject(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        return DtlsCertificate.fromPem(out.toString());
    }

    @Test
    void peerCertificateSignedWithSha1OrSha512IsAcceptedOnItsFingerprint() throws Exception {
        DtlsCertificate sha1 = selfSigned("SHA1withECDSA");
        DtlsCertificate sha512 = selfSigned("SHA512withECDSA");
        try (DtlsPair pair = DtlsPair.of(sha1, sha512)) {
            pair.start();
            pair.awaitConnected();
            assertEquals(sha512.fingerprint(),
                    DtlsPair.first(pair.clientEvents, DtlsEvent.Connected.class).remoteFingerprint());
            assertEquals(sha1.fingerprint(),
                    DtlsPair.first(pair.serverEvents, DtlsEvent.Connected.class).remoteFingerprint());
        }
    }
}
