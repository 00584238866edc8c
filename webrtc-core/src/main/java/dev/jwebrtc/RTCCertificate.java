package dev.jwebrtc;

import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.dtls.DtlsFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * W3C {@code RTCCertificate}: the identity a peer connection proves in its DTLS handshake and advertises as
 * {@code a=fingerprint}. Generating one takes a while (ECDSA: tens of milliseconds; RSA-2048: hundreds), so keep and
 * reuse it; {@link #toPem()} and {@link #fromPem(String)} let an application keep a stable identity across runs.
 */
public final class RTCCertificate {

    /** The key algorithm of a generated certificate. */
    public enum Algorithm {
        /** ECDSA on P-256, as browsers use by default. */
        ECDSA_P256,
        /** RSA with a 2048-bit key. */
        RSA_2048
    }

    private final DtlsCertificate certificate;

    private RTCCertificate(DtlsCertificate certificate) {
        this.certificate = certificate;
    }

    /** W3C {@code generateCertificate}: a new self-signed ECDSA P-256 certificate valid for 30 days. */
    public static RTCCertificate generate() {
        return new RTCCertificate(DtlsCertificate.generate());
    }

    /** A new self-signed certificate with this algorithm and validity. */
    public static RTCCertificate generate(Algorithm algorithm, Duration validity) {
        DtlsCertificate.KeyType type = algorithm == Algorithm.RSA_2048
                ? DtlsCertificate.KeyType.RSA_2048 : DtlsCertificate.KeyType.ECDSA_P256;
        return new RTCCertificate(DtlsCertificate.generate(type, validity));
    }

    /** A certificate and key exported by {@link #toPem()}. */
    public static RTCCertificate fromPem(String pem) {
        try {
            return new RTCCertificate(DtlsCertificate.fromPem(pem));
        } catch (IllegalArgumentException e) {
            throw new RTCException(RTCErrorType.SYNTAX, "not a certificate and key in PEM: " + e.getMessage(), e);
        }
    }

    /** The certificate and its private key in PEM; keep it secret. */
    public String toPem() {
        return certificate.toPem();
    }

    /** W3C {@code expires}. */
    public Instant expires() {
        return certificate.expires();
    }

    /** W3C {@code getFingerprints()}, as {@code sha-256 AB:CD:...} strings. */
    public List<String> getFingerprints() {
        return certificate.fingerprints().stream().map(DtlsFingerprint::format).toList();
    }

    DtlsCertificate dtls() {
        return certificate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RTCCertificate other && other.certificate.equals(certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(certificate);
    }

    @Override
    public String toString() {
        return "RTCCertificate[" + certificate.fingerprint().format() + ", expires " + expires() + "]";
    }
}
