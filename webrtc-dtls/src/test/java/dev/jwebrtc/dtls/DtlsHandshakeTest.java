package dev.jwebrtc.dtls;

import static dev.jwebrtc.dtls.DtlsPair.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DtlsHandshakeTest {

    static Stream<Arguments> certificatePairs() {
        return Stream.of(
                Arguments.of(TestCertificates.EC_A, TestCertificates.EC_B),
                Arguments.of(TestCertificates.EC_B, TestCertificates.EC_A),   // roles swapped
                Arguments.of(TestCertificates.rsaA(), TestCertificates.EC_B),
                Arguments.of(TestCertificates.EC_A, TestCertificates.rsaB()),
                Arguments.of(TestCertificates.rsaA(), TestCertificates.rsaB()),
                Arguments.of(TestCertificates.rsaB(), TestCertificates.rsaA())); // roles swapped
    }

    @ParameterizedTest
    @MethodSource("certificatePairs")
    void handshakeCompletesWithMutualAuthenticationAndMatchingSrtpKeys(DtlsCertificate clientCert,
                                                                         DtlsCertificate serverCert) {
        try (DtlsPair pair = DtlsPair.of(clientCert, serverCert)) {
            pair.start();
            pair.awaitConnected();
            DtlsEvent.Connected c = first(pair.clientEvents, DtlsEvent.Connected.class);
            DtlsEvent.Connected s = first(pair.serverEvents, DtlsEvent.Connected.class);
            // each side saw the other's certificate
            assertEquals(serverCert.fingerprint(), c.remoteFingerprint());
            assertEquals(clientCert.fingerprint(), s.remoteFingerprint());
            // the suite fits the server's key, AES-128-GCM preferred
            DtlsCipherSuite expected = serverCert.keyType() == DtlsCertificate.KeyType.ECDSA_P256
                    ? DtlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                    : DtlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
            assertEquals(expected, c.cipherSuite());
            assertEquals(expected, s.cipherSuite());
            // SRTP: default preference is AEAD_AES_128_GCM, same keys on both sides, mirrored roles
            DtlsSrtpKeys ck = c.srtpKeys();
            DtlsSrtpKeys sk = s.srtpKeys();
            assertNotNull(ck);
            assertNotNull(sk);
            assertEquals(SrtpProfile.AEAD_AES_128_GCM, ck.profile());
            assertEquals(DtlsRole.CLIENT, ck.role());
            assertEquals(DtlsRole.SERVER, sk.role());
            assertEquals(ck, sk.forPeer());
            assertArrayEquals(ck.localKey(), sk.remoteKey());
            assertArrayEquals(ck.localSalt(), sk.remoteSalt());
            assertArrayEquals(sk.localKey(), ck.remoteKey());
            assertTrue(!java.util.Arrays.equals(ck.clientKey(), ck.serverKey()), "client and server keys differ");
            assertEquals(DtlsState.CONNECTED, pair.client.state());
            assertEquals(DtlsState.CONNECTED, pair.server.state());
            // W3C getRemoteCertificates(): the peer's DER certificate
            assertEquals(1, pair.client.remoteCertificates().size());
            assertArrayEquals(serverCert.der(), pair.client.remoteCertificates().get(0));
            assertArrayEquals(clientCert.der(), pair.server.remoteCertificates().get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySrtpProfileIsNegotiatedWhenTheServerPrefersIt(SrtpProfile profile) {
        DtlsCertificate a = TestCertificates.EC_A;
        DtlsCertificate b = TestCertificates.EC_B;
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, a).remoteFingerprint(b.fingerprint()).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, b).remoteFingerprint(a.fingerprint())
                .srtpProfiles(List.of(profile, SrtpProfile.AEAD_AES_128_GCM).stream().distinct().toList()).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.awaitConnected();
            DtlsSrtpKeys ck = first(pair.clientEvents, DtlsEvent.Connected.class).srtpKeys();
            DtlsSrtpKeys sk = first(pair.serverEvents, DtlsEvent.Connected.class).srtpKeys();
            assertNotNull(ck);
            assertNotNull(sk);
            assertEquals(profile, ck.profile());
            assertEquals(profile, sk.profile());
            assertEquals(profile.keyLength(), ck.clientKey().length);
            assertEquals(profile.saltLength(), ck.serverSalt().length);
            assertEquals(ck, sk.forPeer());
        }
    }

    @Test
    void clientOnlyOfferingOneProfileGetsThatProfile() {
        DtlsCertificate a = TestCertificates.EC_A;
        DtlsCertificate b = TestCertificates.EC_B;
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, a).remoteFingerprint(b.fingerprint())
                .srtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_32)).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, b).remoteFingerprint(a.fingerprint()).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.awaitConnected();
            assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_32,
                    first(pair.serverEvents, DtlsEvent.Connected.class).srtpKeys().profile());
        }
    }

    @Test
    void noCommonSrtpProfileConnectsWithoutSrtpKeys() {
        DtlsCertificate a = TestCertificates.EC_A;
        DtlsCertificate b = TestCertificates.EC_B;
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, a).remoteFingerprint(b.fingerprint())
                .srtpProfiles(List.of(SrtpProfile.AEAD_AES_256_GCM)).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, b).remoteFingerprint(a.fingerprint())
                .srtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80)).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.awaitConnected();
            assertNull(first(pair.clientEvents, DtlsEvent.Connected.class).srtpKeys());
            assertNull(first(pair.serverEvents, DtlsEvent.Connected.class).srtpKeys());
        }
    }

    @ParameterizedTest
    @EnumSource(DtlsCipherSuite.class)
    void everyCipherSuiteIsNegotiable(DtlsCipherSuite suite) {
        DtlsCertificate a = TestCertificates.EC_A;
        DtlsCertificate b = suite.requiresEcdsaCertificate() ? TestCertificates.EC_B : TestCertificates.rsaB();
        DtlsConfig client = DtlsConfig.builder(DtlsRole.CLIENT, a).remoteFingerprint(b.fingerprint())
                .cipherSuites(List.of(suite)).build();
        DtlsConfig server = DtlsConfig.builder(DtlsRole.SERVER, b).remoteFingerprint(a.fingerprint()).build();
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            pair.awaitConnected();
            assertEquals(suite, first(pair.clientEvents, DtlsEvent.Connected.class).cipherSuite());
            assertEquals(suite, first(pair.serverEvents, DtlsEvent.Connected.class).cipherSuite());
        }
    }

    @Test
    void oneCertificateServesManyEndpointsConcurrently() {
        DtlsPair[] pairs = new DtlsPair[4];
        try {
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = DtlsPair.of(TestCertificates.EC_A, TestCertificates.EC_B);
                pairs[i].start();
            }
            for (DtlsPair p : pairs) {
                p.awaitConnected();
            }
            // independent sessions: different keys
            assertTrue(!first(pairs[0].clientEvents, DtlsEvent.Connected.class).srtpKeys()
                    .equals(first(pairs[1].clientEvents, DtlsEvent.Connected.class).srtpKeys()));
        } finally {
            for (DtlsPair p : pairs) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }
}
