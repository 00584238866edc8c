package dev.jwebrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** The DTLS 1.2 server side of a WebRTC handshake, as Bouncy Castle's {@code TlsServer}. */
final class WebRtcDtlsServer extends DefaultTlsServer {

    private final HandshakeSupport support;

    WebRtcDtlsServer(HandshakeSupport support) {
        super(support.crypto);
        this.support = support;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        boolean ecdsa = support.ecdsa();
        return support.config.cipherSuites().stream()
                .filter(s -> s.requiresEcdsaCertificate() == ecdsa)
                .mapToInt(DtlsCipherSuite::id).toArray();
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    public int[] getSupportedGroups() {
        return HandshakeSupport.GROUPS.clone();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return support.ecdsa() ? signer() : null;
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return support.ecdsa() ? null : signer();
    }

    private TlsCredentialedSigner signer() throws IOException {
        return support.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // RFC 8827 §6.5 / RFC 5763 §5: the server requests the client's certificate (mutual authentication).
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, HandshakeSupport.acceptedSignatureAlgorithms(), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        support.verifyPeer(clientCertificate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        SrtpProfile chosen = null;
        if (offered != null) {
            // RFC 5764 §4.1.1: the server picks one of the client's profiles; we pick by our own preference.
            for (SrtpProfile p : support.config.srtpProfiles()) {
                for (int id : offered.getProtectionProfiles()) {
                    if (id == p.id() && chosen == null) {
                        chosen = p;
                    }
                }
            }
        }
        support.selectProfile(chosen);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsCopy.of(super.getServerExtensions());
        SrtpProfile chosen = support.selectedProfile();
        if (chosen != null) {
            // RFC 5764 §4.1.3: no common profile means no use_srtp in the ServerHello.
            TlsSRTPUtils.addUseSRTPExtension(extensions,
                    new UseSRTPData(new int[] {chosen.id()}, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true; // RFC 7627 §5.2
    }

    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false; // RFC 8827 §6.5: self-signed certificates are authenticated by fingerprint, not by signature
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, support.config.handshakeTimeout().toMillis());
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return (int) support.config.initialRetransmit().toMillis();
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        support.alertRaised(alertLevel, alertDescription, message, cause);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        support.alertReceived(alertLevel, alertDescription);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        support.handshakeComplete(context);
    }
}
