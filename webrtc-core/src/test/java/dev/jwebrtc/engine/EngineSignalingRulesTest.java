package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCSdpType;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.RTCSignalingState;
import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Setup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineSignalingRulesTest {

    private static final DtlsCertificate CERT = DtlsCertificate.generate();

    private final RtcEngine engine = new RtcEngine(RTCConfiguration.DEFAULT, RTCSettings.DEFAULT, CERT,
            new SplittableRandom(1), List.of(new InetSocketAddress("198.51.100.1", 5000)), () -> { }, 1_000_000_000L);

    @AfterEach
    void close() {
        engine.close(2_000_000_000L);
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = EngineSignalingRulesTest.class.getResourceAsStream("/sdp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void answersChromiumsCameraMicrophoneAndDataOfferReceivingTheMediaWithoutSending() throws IOException {
        engine.setRemoteDescription(1, RTCSdpType.OFFER, sample("chromium156-offer-audio-video-data.sdp"));
        assertEquals(RTCSignalingState.HAVE_REMOTE_OFFER, engine.signalingState());
        SessionDescription answer = Sdp.parse(engine.setLocalDescription(2, null, null));
        assertEquals(RTCSignalingState.STABLE, engine.signalingState());
        SessionDescription offer = Sdp.parse(sample("chromium156-offer-audio-video-data.sdp"));
        assertEquals(offer.media().size(), answer.media().size(), "one answer section per offered section");
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            assertEquals(o.media(), a.media());
            assertEquals(o.mid(), a.mid(), "RFC 8829 §5.3.1: same mids in the same order");
            if (a.media().equals("application")) {
                assertTrue(a.port() != 0, "the data channel is accepted");
                assertEquals(Setup.ACTIVE, a.first(Setup.TYPE).orElseThrow(), "we take the DTLS client role");
                assertTrue(a.has("sctp-port") && a.has("max-message-size"));
            } else {
                // W3C setRemoteDescription made a recvonly transceiver per media section; with no track to send,
                // the answer receives only (RFC 8829 §5.3.1), with codecs from the offer's payload types.
                assertTrue(a.port() != 0, a.toString());
                assertEquals(dev.jwebrtc.sdp.attribute.Direction.RECVONLY, a.direction(), a.toString());
                assertTrue(o.formats().containsAll(a.formats()), "answered formats come from the offer");
            }
        }
        assertEquals(2, engine.transceivers().size(), "one transceiver per media section");
        assertEquals(2, java.util.stream.Stream.generate(engine::pollEvent).takeWhile(java.util.Objects::nonNull)
                .filter(e -> e instanceof EngineEvent.TrackAdded).count(), "a track event for each sending section");
    }

    @Test
    void wrongStateCallsAreInvalidStateErrors() {
        assertEquals(RTCErrorType.INVALID_STATE, assertThrows(RTCException.class, () -> engine.createAnswer(1)).type());
        assertEquals(RTCErrorType.INVALID_STATE, assertThrows(RTCException.class,
                () -> engine.setRemoteDescription(1, RTCSdpType.ANSWER, engine.createOffer(1))).type());
        assertEquals(RTCErrorType.INVALID_STATE, assertThrows(RTCException.class,
                () -> engine.addIceCandidate(1, new dev.jwebrtc.RTCIceCandidate("candidate:1 1 udp 1 1.2.3.4 5 typ host",
                        "0", 0))).type(), "candidates before any remote description");
        engine.close(3);
        assertEquals(RTCErrorType.INVALID_STATE, assertThrows(RTCException.class, () -> engine.createOffer(4)).type());
    }

    @Test
    void malformedRemoteSdpIsASyntaxErrorNamingTheLine() {
        RTCException e = assertThrows(RTCException.class,
                () -> engine.setRemoteDescription(1, RTCSdpType.OFFER, "v=0\r\no=garbage\r\n"));
        assertEquals(RTCErrorType.SYNTAX, e.type());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals(RTCSignalingState.STABLE, engine.signalingState(), "nothing changed");
    }

    @Test
    void rollbackReturnsToStableAndForgetsTheOffer() {
        int handle = engine.createDataChannel(1, "x", RTCDataChannelInit.reliable());
        engine.setLocalDescription(1, null, null);
        assertNotNull(engine.localDescription());
        engine.setLocalDescription(2, RTCSdpType.ROLLBACK, null);
        assertEquals(RTCSignalingState.STABLE, engine.signalingState());
        assertEquals(null, engine.localDescription());
        assertEquals(RTCErrorType.INVALID_STATE, assertThrows(RTCException.class,
                () -> engine.sendText(3, handle, "not open yet")).type());
    }

    @Test
    void messagesLargerThanTheRemoteMaxMessageSizeAreTypeErrors() throws IOException {
        engine.setRemoteDescription(1, RTCSdpType.OFFER, sample("chromium156-offer-datachannel-only.sdp"));
        long limit = engine.maxMessageSize();
        assertEquals(262144, limit, "Chromium advertises 256 KiB");
        RTCException e = assertThrows(RTCException.class,
                () -> engine.sendBinary(2, 1, ByteBuffer.allocate((int) limit + 1)));
        assertEquals(RTCErrorType.TYPE, e.type());
        assertTrue(e.getMessage().contains("262144"), e.getMessage());
    }
}
