package dev.jwebrtc.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link DtlsEndpoint} needs, fixed for its life. Build it with {@link #builder}.
 *
 * @param role client or server (from SDP {@code a=setup})
 * @param certificate the local identity; may be shared by many endpoints
 * @param remoteFingerprints the fingerprints from the remote description (at least one); the peer's certificate must
 *     match (RFC 8122 §5)
 * @param srtpProfiles use_srtp profiles in preference order; empty means use_srtp is not offered or accepted
 * @param cipherSuites cipher suites in preference order; a server uses those its certificate can sign for
 * @param initialRetransmit the first handshake retransmission timeout; it doubles on each retransmission
 *     (RFC 6347 §4.2.4.1)
 * @param handshakeTimeout the handshake fails with {@link DtlsFailure#TIMEOUT} after this long
 * @param mtu the largest datagram the endpoint sends, in bytes (UDP payload)
 */
public record DtlsConfig(DtlsRole role, DtlsCertificate certificate, List<DtlsFingerprint> remoteFingerprints,
                         List<SrtpProfile> srtpProfiles, List<DtlsCipherSuite> cipherSuites,
                         Duration initialRetransmit, Duration handshakeTimeout, int mtu) {

    /** SRTP profiles offered by default: AEAD first (RFC 7714), then the mandatory-to-implement SHA1_80. */
    public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES = List.of(
            SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM,
            SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AES128_CM_HMAC_SHA1_32);

    /**
     * The default first retransmission timeout: 200 ms instead of RFC 6347's 1 s, because connection setup time
     * matters in WebRTC and the path was just proven by ICE.
     */
    public static final Duration DEFAULT_INITIAL_RETRANSMIT = Duration.ofMillis(200);

    /** The default overall handshake timeout. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    /** The default MTU: what browsers use for DTLS over ICE, leaving room for TURN framing. */
    public static final int DEFAULT_MTU = 1200;

    /** The smallest MTU accepted: a handshake fragment still has to fit beside the record and fragment headers. */
    public static final int MIN_MTU = 256;

    /** The largest UDP payload over IPv4. */
    public static final int MAX_MTU = 65507;

    public DtlsConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        remoteFingerprints = List.copyOf(remoteFingerprints);
        srtpProfiles = List.copyOf(srtpProfiles);
        cipherSuites = List.copyOf(cipherSuites);
        Objects.requireNonNull(initialRetransmit, "initialRetransmit");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (remoteFingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one remote fingerprint is required: without one the peer "
                    + "cannot be authenticated (RFC 8122 §5)");
        }
        if (srtpProfiles.size() != srtpProfiles.stream().distinct().count()) {
            throw new IllegalArgumentException("srtpProfiles has duplicates: " + srtpProfiles);
        }
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("cipherSuites must not be empty");
        }
        if (role == DtlsRole.SERVER && cipherSuites.stream().noneMatch(s -> s.requiresEcdsaCertificate()
                == (certificate.keyType() == DtlsCertificate.KeyType.ECDSA_P256))) {
            throw new IllegalArgumentException("no cipher suite in " + cipherSuites + " can use a "
                    + certificate.keyType() + " server certificate");
        }
        if (initialRetransmit.toMillis() < 10 || initialRetransmit.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("initialRetransmit must be 10 ms..60 s, got " + initialRetransmit);
        }
        if (handshakeTimeout.toMillis() < 1 || handshakeTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("handshakeTimeout must be 1 ms..1 day, got " + handshakeTimeout);
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("mtu must be " + MIN_MTU + ".." + MAX_MTU + ", got " + mtu);
        }
    }

    /** A builder with the defaults for everything but role, certificate and remote fingerprints. */
    public static Builder builder(DtlsRole role, DtlsCertificate certificate) {
        return new Builder(role, certificate);
    }

    /** Builds a {@link DtlsConfig}. */
    public static final class Builder {
        private final DtlsRole role;
        private final DtlsCertificate certificate;
        private final List<DtlsFingerprint> remoteFingerprints = new ArrayList<>();
        private List<SrtpProfile> srtpProfiles = DEFAULT_SRTP_PROFILES;
        private List<DtlsCipherSuite> cipherSuites = DtlsCipherSuite.ALL;
        private Duration initialRetransmit = DEFAULT_INITIAL_RETRANSMIT;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private int mtu = DEFAULT_MTU;

        private Builder(DtlsRole role, DtlsCertificate certificate) {
            this.role = role;
            this.certificate = certificate;
        }

        /** Adds a fingerprint the peer's certificate may match. */
        public Builder remoteFingerprint(DtlsFingerprint fingerprint) {
            remoteFingerprints.add(Objects.requireNonNull(fingerprint, "fingerprint"));
            return this;
        }

        /** Adds fingerprints the peer's certificate may match. */
        public Builder remoteFingerprints(List<DtlsFingerprint> fingerprints) {
            fingerprints.forEach(this::remoteFingerprint);
            return this;
        }

        public Builder srtpProfiles(List<SrtpProfile> profiles) {
            this.srtpProfiles = List.copyOf(profiles);
            return this;
        }

        public Builder cipherSuites(List<DtlsCipherSuite> suites) {
            this.cipherSuites = List.copyOf(suites);
            return this;
        }

        public Builder initialRetransmit(Duration timeout) {
            this.initialRetransmit = timeout;
            return this;
        }

        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public DtlsConfig build() {
            return new DtlsConfig(role, certificate, remoteFingerprints, srtpProfiles, cipherSuites,
                    initialRetransmit, handshakeTimeout, mtu);
        }
    }
}
