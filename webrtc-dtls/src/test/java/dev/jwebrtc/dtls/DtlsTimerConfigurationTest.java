package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configured timers reach Bouncy Castle, and nonsense values are refused with a clear message. */
class DtlsTimerConfigurationTest {

    private static final DtlsCertificate A = TestCertificates.EC_A;

    @Test
    void defaultsAreTwoHundredMillisecondsThirtySecondsAndMtu1200() {
        DtlsConfig config = DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(A.fingerprint()).build();
        HandshakeSupport support = new HandshakeSupport(config, e -> { });
        assertEquals(200, new WebRtcDtlsClient(support).getHandshakeResendTimeMillis());
        assertEquals(30_000, new WebRtcDtlsClient(support).getHandshakeTimeoutMillis());
        assertEquals(1200, config.mtu());
    }

    @Test
    void configuredTimersReachBothPeers() {
        DtlsConfig config = DtlsConfig.builder(DtlsRole.SERVER, A).remoteFingerprint(A.fingerprint())
                .initialRetransmit(Duration.ofMillis(100)).handshakeTimeout(Duration.ofSeconds(7)).build();
        HandshakeSupport support = new HandshakeSupport(config, e -> { });
        assertEquals(100, new WebRtcDtlsServer(support).getHandshakeResendTimeMillis());
        assertEquals(7_000, new WebRtcDtlsServer(support).getHandshakeTimeoutMillis());
        assertEquals(100, new WebRtcDtlsClient(support).getHandshakeResendTimeMillis());
    }

    @Test
    void nonsenseValuesAreRejected() {
        DtlsConfig.Builder b = DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(A.fingerprint());
        assertThrows(IllegalArgumentException.class, () -> b.initialRetransmit(Duration.ofMillis(1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(A.fingerprint())
                        .handshakeTimeout(Duration.ZERO).build());
        var mtu = assertThrows(IllegalArgumentException.class,
                () -> DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(A.fingerprint()).mtu(100).build());
        assertEquals("mtu must be 256..65507, got 100", mtu.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DtlsConfig.builder(DtlsRole.SERVER, A).remoteFingerprint(A.fingerprint())
                        .cipherSuites(java.util.List.of(DtlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)).build());
    }
}
