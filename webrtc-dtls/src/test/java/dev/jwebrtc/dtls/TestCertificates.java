package dev.jwebrtc.dtls;

/**
 * Certificates shared by the endpoint tests (generation is the slow part, and reuse is a feature). RSA ones are
 * generated on first use only, since RSA-2048 key generation takes up to a second.
 */
final class TestCertificates {
    static final DtlsCertificate EC_A = DtlsCertificate.generate();
    static final DtlsCertificate EC_B = DtlsCertificate.generate();

    private static final class Rsa {
        static final DtlsCertificate A = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048,
                DtlsCertificate.DEFAULT_VALIDITY);
        static final DtlsCertificate B = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048,
                DtlsCertificate.DEFAULT_VALIDITY);
    }

    static DtlsCertificate rsaA() {
        return Rsa.A;
    }

    static DtlsCertificate rsaB() {
        return Rsa.B;
    }

    private TestCertificates() {
    }
}
