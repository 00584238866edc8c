package dev.jwebrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * W3C {@code RTCConfiguration}: the standard settings of a peer connection, and only those. Non-standard
 * knobs (port ranges, timeouts, ICE-lite...) are in {@link RTCSettings}.
 *
 * @param iceServers STUN and TURN servers
 * @param iceTransportPolicy all candidates, or relay only
 * @param bundlePolicy how media sections are bundled (W3C default: balanced)
 * @param rtcpMuxPolicy always require
 * @param iceCandidatePoolSize candidates to pre-gather before {@code setLocalDescription} (0 to 255)
 * @param certificates the DTLS identity to use (the first one); empty: the factory's shared certificate
 */
public record RTCConfiguration(
        List<RTCIceServer> iceServers,
        RTCIceTransportPolicy iceTransportPolicy,
        RTCBundlePolicy bundlePolicy,
        RTCRtcpMuxPolicy rtcpMuxPolicy,
        int iceCandidatePoolSize,
        List<RTCCertificate> certificates) {

    /** No ICE servers, W3C defaults everywhere. */
    public static final RTCConfiguration DEFAULT = builder().build();

    public RTCConfiguration {
        iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
        Objects.requireNonNull(iceTransportPolicy, "iceTransportPolicy");
        Objects.requireNonNull(bundlePolicy, "bundlePolicy");
        Objects.requireNonNull(rtcpMuxPolicy, "rtcpMuxPolicy");
        if (iceCandidatePoolSize < 0 || iceCandidatePoolSize > 255) {
            throw RTCException.typeError("iceCandidatePoolSize must be 0..255, got " + iceCandidatePoolSize);
        }
        certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        for (RTCCertificate c : certificates) {
            // W3C §4.4.1.1 (set a configuration): an expired certificate is an InvalidAccessError.
            if (c.expires().isBefore(java.time.Instant.now())) {
                throw new RTCException(RTCErrorType.INVALID_ACCESS, "certificate expired at " + c.expires());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().iceServers(iceServers).iceTransportPolicy(iceTransportPolicy).bundlePolicy(bundlePolicy)
                .rtcpMuxPolicy(rtcpMuxPolicy).iceCandidatePoolSize(iceCandidatePoolSize).certificates(certificates);
    }

    /** Builds an {@link RTCConfiguration}. */
    public static final class Builder {
        private final List<RTCIceServer> iceServers = new ArrayList<>();
        private RTCIceTransportPolicy iceTransportPolicy = RTCIceTransportPolicy.ALL;
        private RTCBundlePolicy bundlePolicy = RTCBundlePolicy.BALANCED;
        private RTCRtcpMuxPolicy rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        private int iceCandidatePoolSize;
        private List<RTCCertificate> certificates = List.of();

        private Builder() {}

        /** The DTLS identity (W3C {@code certificates}); the first one is used. */
        public Builder certificates(List<RTCCertificate> certificates) {
            this.certificates = certificates;
            return this;
        }

        public Builder iceServers(List<RTCIceServer> servers) {
            iceServers.clear();
            iceServers.addAll(servers);
            return this;
        }

        public Builder addIceServer(RTCIceServer server) {
            iceServers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        public Builder iceTransportPolicy(RTCIceTransportPolicy policy) {
            this.iceTransportPolicy = policy;
            return this;
        }

        public Builder bundlePolicy(RTCBundlePolicy policy) {
            this.bundlePolicy = policy;
            return this;
        }

        public Builder rtcpMuxPolicy(RTCRtcpMuxPolicy policy) {
            this.rtcpMuxPolicy = policy;
            return this;
        }

        public Builder iceCandidatePoolSize(int size) {
            this.iceCandidatePoolSize = size;
            return this;
        }

        public RTCConfiguration build() {
            return new RTCConfiguration(iceServers, iceTransportPolicy, bundlePolicy, rtcpMuxPolicy, iceCandidatePoolSize,
                    certificates);
        }
    }
}
