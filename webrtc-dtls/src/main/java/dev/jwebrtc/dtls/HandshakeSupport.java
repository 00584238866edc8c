package dev.jwebrtc.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Bouncy Castle client and server peers share: credentials, peer verification by fingerprint, use_srtp
 * selection, keying-material export and alert reporting. Its methods run on the handshake thread; the results are
 * read by the endpoint after the handshake thread has finished (published through the endpoint's lock).
 */
final class HandshakeSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeSupport.class);

    /** RFC 8422 §5.1.1 / RFC 7748: groups offered and accepted, strongest-and-fastest first. */
    static final int[] GROUPS = {NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1};

    final DtlsConfig config;
    final JcaTlsCrypto crypto;
    private final Consumer<DtlsEvent> events;
    private final Certificate localChain;

    private volatile @Nullable SrtpProfile selectedProfile;
    private volatile @Nullable DtlsFingerprint remoteFingerprint;
    private volatile List<byte[]> remoteChain = List.of();
    private volatile @Nullable DtlsSrtpKeys srtpKeys;
    private volatile int cipherSuite = -1;
    private volatile @Nullable DtlsFailure failureHint;
    private volatile @Nullable String failureMessage;

    HandshakeSupport(DtlsConfig config, Consumer<DtlsEvent> events) {
        this.config = config;
        this.events = events;
        this.crypto = new WebRtcTlsCrypto(new SecureRandom());
        try {
            TlsCertificate certificate = crypto.createCertificate(config.certificate().der());
            this.localChain = new Certificate(new TlsCertificate[] {certificate});
        } catch (IOException e) {
            throw new IllegalStateException("BC rejected our own certificate", e);
        }
    }

    boolean ecdsa() {
        return config.certificate().keyType() == DtlsCertificate.KeyType.ECDSA_P256;
    }

    short signatureAlgorithm() {
        return ecdsa() ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa;
    }

    /** The use_srtp profile ids in preference order. */
    int[] srtpProfileIds() {
        return config.srtpProfiles().stream().mapToInt(SrtpProfile::id).toArray();
    }

    /** RFC 5246 §7.4.1.4.1: signature algorithms we verify (in CertificateRequest) and accept from peers. */
    static Vector<SignatureAndHashAlgorithm> acceptedSignatureAlgorithms() {
        Vector<SignatureAndHashAlgorithm> v = new Vector<>();
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        v.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa));
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.rsa));
        return v;
    }

    /** Our signing credentials, with the best signature algorithm the peer listed (RFC 5246 §7.4.1.4.1). */
    TlsCredentialedSigner signer(TlsContext context, @Nullable Vector<?> peerSignatureAlgorithms) throws IOException {
        SignatureAndHashAlgorithm algorithm = TlsUtils.chooseSignatureAndHashAlgorithm(
                context, peerSignatureAlgorithms, signatureAlgorithm());
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                config.certificate().privateKey(), localChain, algorithm);
    }

    /**
     * RFC 8122 §5 / RFC 8842 §5.1: the peer's end-entity certificate must match a remote fingerprint. Only
     * fingerprints with the strongest hash function offered are considered. Failing sends bad_certificate.
     */
    void verifyPeer(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            fail(DtlsFailure.NO_PEER_CERTIFICATE, "the peer sent no certificate (mutual authentication is required)");
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer sent no certificate");
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        FingerprintAlgorithm strongest = config.remoteFingerprints().stream()
                .map(DtlsFingerprint::algorithm).max(Enum::compareTo).orElseThrow();
        boolean matched = false;
        List<String> expected = new ArrayList<>();
        for (DtlsFingerprint f : config.remoteFingerprints()) {
            if (f.algorithm() == strongest) {
                expected.add(f.format());
                matched |= f.matches(der);
            }
        }
        DtlsFingerprint actual = DtlsFingerprint.of(strongest, der);
        if (!matched) {
            fail(DtlsFailure.FINGERPRINT_MISMATCH, "peer certificate fingerprint " + actual.format()
                    + " matches none of the remote fingerprints " + expected);
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "certificate fingerprint mismatch");
        }
        remoteFingerprint = DtlsFingerprint.of(FingerprintAlgorithm.SHA_256, der);
        List<byte[]> ders = new ArrayList<>();
        for (int i = 0; i < chain.getLength(); i++) {
            ders.add(chain.getCertificateAt(i).getEncoded());
        }
        remoteChain = List.copyOf(ders);
        LOG.debug("peer certificate matches remote fingerprint {}", actual);
    }

    void selectProfile(@Nullable SrtpProfile profile) {
        selectedProfile = profile;
    }

    @Nullable SrtpProfile selectedProfile() {
        return selectedProfile;
    }

    /** RFC 5764 §4.2: export the SRTP keying material once the handshake is complete. */
    void handshakeComplete(TlsContext context) {
        cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
        SrtpProfile profile = selectedProfile;
        if (profile != null) {
            byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                    profile.keyingMaterialLength());
            srtpKeys = DtlsSrtpKeys.fromKeyingMaterial(profile, config.role(), material);
            java.util.Arrays.fill(material, (byte) 0);
        }
    }

    @Nullable DtlsSrtpKeys srtpKeys() {
        return srtpKeys;
    }

    @Nullable DtlsFingerprint remoteFingerprint() {
        return remoteFingerprint;
    }

    /** The DER certificates the peer presented, end-entity first (empty until verified). */
    List<byte[]> remoteChain() {
        return remoteChain;
    }

    int cipherSuite() {
        return cipherSuite;
    }

    void fail(DtlsFailure reason, String message) {
        if (failureHint == null) {
            failureHint = reason;
            failureMessage = message;
        }
    }

    @Nullable DtlsFailure failureHint() {
        return failureHint;
    }

    @Nullable String failureMessage() {
        return failureMessage;
    }

    /** The failure event for a handshake that ended with {@code error}. */
    DtlsEvent.HandshakeFailed failureEvent(Throwable error) {
        DtlsFailure hint = failureHint;
        if (hint != null) {
            int description = hint == DtlsFailure.FINGERPRINT_MISMATCH ? DtlsAlert.BAD_CERTIFICATE
                    : DtlsAlert.HANDSHAKE_FAILURE;
            return new DtlsEvent.HandshakeFailed(hint, new DtlsAlert(true, description),
                    java.util.Objects.requireNonNull(failureMessage));
        }
        if (error instanceof TlsFatalAlertReceived received) {
            DtlsAlert alert = new DtlsAlert(true, received.getAlertDescription());
            return new DtlsEvent.HandshakeFailed(DtlsFailure.PEER_ALERT, alert, "the peer sent " + alert);
        }
        if (error instanceof TlsTimeoutException) {
            return new DtlsEvent.HandshakeFailed(DtlsFailure.TIMEOUT, null,
                    "no DTLS handshake within " + config.handshakeTimeout().toMillis() + " ms");
        }
        if (error instanceof TlsFatalAlert fatal) {
            DtlsAlert alert = new DtlsAlert(true, fatal.getAlertDescription());
            return new DtlsEvent.HandshakeFailed(DtlsFailure.PROTOCOL_ERROR, alert,
                    "handshake failed with " + alert + ": " + fatal.getMessage());
        }
        LOG.debug("handshake failed", error);
        DtlsFailure reason = error instanceof IOException ? DtlsFailure.PROTOCOL_ERROR : DtlsFailure.INTERNAL_ERROR;
        return new DtlsEvent.HandshakeFailed(reason, null, "handshake failed: " + error);
    }

    void alertRaised(short level, short description, @Nullable String message, @Nullable Throwable cause) {
        DtlsAlert alert = DtlsAlert.of(level, description);
        if (alert.fatal()) {
            LOG.debug("sending {}: {}", alert, message, cause);
        } else {
            LOG.debug("sending {}", alert);
        }
        events.accept(new DtlsEvent.AlertSent(alert));
    }

    void alertReceived(short level, short description) {
        DtlsAlert alert = DtlsAlert.of(level, description);
        LOG.debug("received {}", alert);
        events.accept(new DtlsEvent.AlertReceived(alert));
    }
}
