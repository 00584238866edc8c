package dev.jwebrtc.dtls;

import static dev.jwebrtc.dtls.DtlsPair.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtlsFingerprintVerificationTest {

    private static final DtlsCertificate A = TestCertificates.EC_A;
    private static final DtlsCertificate B = TestCertificates.EC_B;
    private static final DtlsFingerprint WRONG = DtlsCertificate.generate().fingerprint();

    private static boolean bothEnded(DtlsPair pair) {
        return pair.client.state() == DtlsState.FAILED && pair.server.state() == DtlsState.FAILED
                && DtlsPair.has(pair.clientEvents, DtlsEvent.HandshakeFailed.class)
                && DtlsPair.has(pair.serverEvents, DtlsEvent.HandshakeFailed.class);
    }

    @Test
    void clientRejectsServerCertificateAndBothSidesFail() {
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(WRONG).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.runUntil(() -> bothEnded(pair), Duration.ofSeconds(20), "both sides failed");
            DtlsEvent.HandshakeFailed c = first(pair.clientEvents, DtlsEvent.HandshakeFailed.class);
            assertEquals(DtlsFailure.FINGERPRINT_MISMATCH, c.reason());
            assertEquals(new DtlsAlert(true, DtlsAlert.BAD_CERTIFICATE), c.alert());
            assertTrue(c.message().contains(B.fingerprint().format()), c.message());
            assertTrue(c.message().contains(WRONG.format()), c.message());
            assertTrue(DtlsPair.any(pair.clientEvents, DtlsEvent.AlertSent.class,
                    a -> a.alert().equals(new DtlsAlert(true, DtlsAlert.BAD_CERTIFICATE))));
            DtlsEvent.HandshakeFailed s = first(pair.serverEvents, DtlsEvent.HandshakeFailed.class);
            assertEquals(DtlsFailure.PEER_ALERT, s.reason());
            assertEquals(new DtlsAlert(true, DtlsAlert.BAD_CERTIFICATE), s.alert());
            assertFalse(DtlsPair.has(pair.clientEvents, DtlsEvent.Connected.class));
            assertFalse(DtlsPair.has(pair.serverEvents, DtlsEvent.Connected.class));
        }
    }

    @Test
    void serverRejectsClientCertificateAndBothSidesFail() {
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint()).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(WRONG).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.runUntil(() -> bothEnded(pair), Duration.ofSeconds(20), "both sides failed");
            DtlsEvent.HandshakeFailed s = first(pair.serverEvents, DtlsEvent.HandshakeFailed.class);
            assertEquals(DtlsFailure.FINGERPRINT_MISMATCH, s.reason());
            assertEquals(new DtlsAlert(true, DtlsAlert.BAD_CERTIFICATE), s.alert());
            DtlsEvent.HandshakeFailed c = first(pair.clientEvents, DtlsEvent.HandshakeFailed.class);
            assertEquals(DtlsFailure.PEER_ALERT, c.reason());
            assertEquals(DtlsAlert.BAD_CERTIFICATE, c.alert().description());
            assertTrue(DtlsPair.any(pair.clientEvents, DtlsEvent.AlertReceived.class,
                    a -> a.alert().description() == DtlsAlert.BAD_CERTIFICATE));
        }
    }

    @Test
    void strongestHashAmongRemoteFingerprintsDecides() {
        // RFC 8122 §5: with sha-1 and sha-512 offered, the sha-512 one must match; a matching sha-1 alone is not enough
        DtlsFingerprint rightSha1 = B.fingerprint(FingerprintAlgorithm.SHA_1);
        DtlsFingerprint wrongSha512 = WRONG.algorithm() == FingerprintAlgorithm.SHA_512 ? WRONG
                : DtlsCertificate.generate().fingerprint(FingerprintAlgorithm.SHA_512);
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, A)
                .remoteFingerprints(List.of(rightSha1, wrongSha512)).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.runUntil(() -> bothEnded(pair), Duration.ofSeconds(20), "both sides failed");
            assertEquals(DtlsFailure.FINGERPRINT_MISMATCH,
                    first(pair.clientEvents, DtlsEvent.HandshakeFailed.class).reason());
        }
    }

    @Test
    void anyMatchingFingerprintOfTheStrongestHashIsAccepted() {
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, A)
                .remoteFingerprints(List.of(WRONG, B.fingerprint(FingerprintAlgorithm.SHA_1),
                        B.fingerprint(FingerprintAlgorithm.SHA_256))).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, B)
                .remoteFingerprint(A.fingerprint(FingerprintAlgorithm.SHA_512)).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.awaitConnected();
            assertEquals(B.fingerprint(), first(pair.clientEvents, DtlsEvent.Connected.class).remoteFingerprint());
        }
    }

    @Test
    void configWithoutRemoteFingerprintIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DtlsConfig.builder(DtlsRole.CLIENT, A).build());
        assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
    }
}
