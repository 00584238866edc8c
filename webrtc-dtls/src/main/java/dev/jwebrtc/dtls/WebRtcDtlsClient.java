package dev.jwebrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** The DTLS 1.2 client side of a WebRTC handshake, as Bouncy Castle's {@code TlsClient}. */
final class WebRtcDtlsClient extends DefaultTlsClient {

    private final HandshakeSupport support;

    WebRtcDtlsClient(HandshakeSupport support) {
        super(support.crypto);
        this.support = support;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return support.config.cipherSuites().stream().mapToInt(DtlsCipherSuite::id).toArray();
    }

    @Override
    protected Vector<Integer> getSupportedGroups(@SuppressWarnings("rawtypes") Vector namedGroupRoles) {
        Vector<Integer> groups = new Vector<>();
        for (int g : HandshakeSupport.GROUPS) {
            groups.add(g);
        }
        return groups;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsCopy.of(super.getClientExtensions());
        if (!support.config.srtpProfiles().isEmpty()) {
            // RFC 5764 §4.1.1: offer our profiles, no MKI.
            TlsSRTPUtils.addUseSRTPExtension(extensions,
                    new UseSRTPData(support.srtpProfileIds(), TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData data = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (data == null) {
            support.selectProfile(null);
            return;
        }
        // RFC 5764 §4.1.1: the server answers with exactly one of the offered profiles and must echo no MKI we
        // did not send.
        int[] profiles = data.getProtectionProfiles();
        if (profiles.length != 1 || data.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server use_srtp must select one profile");
        }
        SrtpProfile selected = SrtpProfile.byId(profiles[0])
                .filter(p -> support.config.srtpProfiles().contains(p))
                .orElseThrow(() -> new TlsFatalAlert(AlertDescription.illegal_parameter,
                        "server selected an SRTP profile we did not offer: " + profiles[0]));
        support.selectProfile(selected);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                support.verifyPeer(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return support.signer(context, request.getSupportedSignatureAlgorithms());
            }
        };
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true; // RFC 7627 §5.2; RFC 8827 requires it for WebRTC
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
