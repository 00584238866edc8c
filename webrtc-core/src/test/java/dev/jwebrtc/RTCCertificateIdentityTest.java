package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RTCCertificateIdentityTest {

    @Test
    void aCertificateSurvivesPemAndKeepsItsFingerprints() {
        RTCCertificate certificate = RTCCertificate.generate();
        RTCCertificate again = RTCCertificate.fromPem(certificate.toPem());
        assertEquals(certificate.getFingerprints(), again.getFingerprints());
        assertTrue(certificate.getFingerprints().get(0).startsWith("sha-256 "), certificate.getFingerprints().toString());
        assertTrue(certificate.expires().isAfter(Instant.now().plus(Duration.ofDays(29))), "30 days by default");
        assertEquals(RTCErrorType.SYNTAX, assertThrows(RTCException.class, () -> RTCCertificate.fromPem("nope")).type());
    }

    @Test
    void aConfiguredCertificateIsTheIdentityTheOfferAdvertises() throws Exception {
        RTCCertificate identity = RTCCertificate.generate(RTCCertificate.Algorithm.RSA_2048, Duration.ofDays(1));
        RTCSettings loopback = RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build();
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(loopback, 1)) {
            RTCPeerConnection pc = factory.createPeerConnection(
                    RTCConfiguration.builder().certificates(List.of(identity)).build(), new RTCPeerConnection.Listener() {});
            pc.createDataChannel("x");
            RTCSessionDescription offer = pc.createOffer().get(10, TimeUnit.SECONDS);
            String fingerprint = identity.getFingerprints().get(0);
            assertTrue(offer.sdp().contains("a=fingerprint:" + fingerprint), offer.sdp());
            pc.close();
            pc.closeFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
