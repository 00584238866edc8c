package dev.jwebrtc.dtls;

/** Certificates shared by the endpoint tests (generation is the slow part, and reuse is a feature). */
final class TestCertificates {
    static final DtlsCertificate EC_A = DtlsCertificate.generate();
    static final DtlsCertificate EC_B = DtlsCertificate.generate();
    static final DtlsCertificate RSA_A = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048,
            DtlsCertificate.DEFAULT_VALIDITY);
    static final DtlsCertificate RSA_B = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048,
            DtlsCertificate.DEFAULT_VALIDITY);

    private TestCertificates() {
    }
}
