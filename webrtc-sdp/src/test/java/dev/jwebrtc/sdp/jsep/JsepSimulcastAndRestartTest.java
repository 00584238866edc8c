package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Samples;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Rid;
import dev.jwebrtc.sdp.attribute.Simulcast;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receiving offered simulcast (RFC 8853, RFC 8851), session-level direction, and answering an ICE restart. */
class JsepSimulcastAndRestartTest {

    @Test
    void offeredSendSimulcastIsAnsweredWithRecvRidsAndSimulcast() {
        String text = Samples.read("samples/chromium156-offer-audio-video-data.sdp").replace(
                "a=ssrc-group:FID 621180849 2915635554\r\n",
                "a=rid:h send\r\na=rid:m send max-width=640\r\na=rid:l send pt=96,102;max-fps=15\r\n"
                        + "a=simulcast:send h;m;~l\r\na=ssrc-group:FID 621180849 2915635554\r\n");
        SessionDescription offer = Sdp.parse(text);
        SessionDescription answer = Jsep.createAnswer(offer, Peers.peer("9", Peers.ICE_B, 2).build(), null)
                .description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        MediaDescription video = answer.media().get(1);
        assertEquals(List.of(Rid.parse("h recv"), Rid.parse("m recv max-width=640"),
                Rid.parse("l recv pt=96;max-fps=15")), video.all(Rid.TYPE), "102 (H.264 baseline) was not answered");
        assertEquals(Simulcast.parse("recv h;m;~l"), video.first(Simulcast.TYPE).orElseThrow());
        assertTrue(video.value("extmap").isPresent());
    }

    @Test
    void simulcastSendIsOfferedWithRidsAndAnsweredWithRecv() {
        LocalState alice = Peers.peer("100", Peers.ICE_A, 1).addTransceiver(Transceiver.of(MediaKind.VIDEO,
                Direction.SENDONLY, new SendStream("s", "v", "cname", 2222, 3333, List.of("q", "h", "f")))).build();
        SessionDescription offer = Jsep.createOffer(alice, null).description();
        MediaDescription video = offer.media().get(0);
        assertEquals(List.of(Rid.parse("q send"), Rid.parse("h send"), Rid.parse("f send")), video.all(Rid.TYPE));
        assertEquals(Simulcast.parse("send q;h;f"), video.first(Simulcast.TYPE).orElseThrow());
        assertTrue(video.value("ssrc").isEmpty(), "RFC 8853: streams by rid, no SSRCs signalled");
        assertTrue(video.all(dev.jwebrtc.sdp.attribute.Extmap.TYPE).stream()
                .anyMatch(e -> e.uri().equals(HeaderExtension.RID)), "the rid header extension is offered");

        SessionDescription answer = Jsep.createAnswer(offer, Peers.peer("200", Peers.ICE_B, 2).build(), null)
                .description();
        MediaDescription answered = answer.media().get(0);
        assertEquals(Simulcast.parse("recv q;h;f"), answered.first(Simulcast.TYPE).orElseThrow());
        assertEquals(List.of(Rid.parse("q recv"), Rid.parse("h recv"), Rid.parse("f recv")), answered.all(Rid.TYPE));
        assertThrows(IllegalArgumentException.class, () -> new SendStream("s", "v", "c", 1, 0, List.of("a b")));
        assertThrows(IllegalArgumentException.class, () -> new SendStream("s", "v", "c", 1, 0, List.of("a", "a")));
    }

    @Test
    void sessionLevelDirectionAppliesToSectionsWithoutTheirOwn() {
        String text = Samples.read("samples/chromium156-offer-audio-video-data.sdp")
                .replace("a=sendrecv\r\n", "").replace("a=msid-semantic:", "a=sendonly\r\na=msid-semantic:");
        SessionDescription offer = Sdp.parse(text);
        assertEquals(Direction.SENDONLY, offer.directionOf(offer.media().get(0)));
        SessionDescription answer = Jsep.createAnswer(offer, Peers.avData("9", Peers.ICE_B, 2), null).description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        assertEquals(Direction.RECVONLY, answer.media().get(0).direction());
    }

    @Test
    void answeringAnIceRestartRequiresNewLocalCredentials() {
        LocalState alice = Peers.avData("100", Peers.ICE_A, 1);
        LocalState bob = Peers.peer("200", Peers.ICE_B, 2).build();
        JsepResult offer = Jsep.createOffer(alice, null);
        JsepResult answer = Jsep.createAnswer(offer.description(), bob, null);
        CurrentDescriptions bobView = new CurrentDescriptions(answer.description(), offer.description());
        LocalState restarted = alice.withTransceivers(offer.transceivers())
                .withIce(new IceCredentials("rrrr", "rrrrrrrrrrrrrrrrrrrrrr"));
        SessionDescription offer2 = Jsep.createOffer(restarted,
                new CurrentDescriptions(offer.description(), answer.description())).description();
        JsepException e = assertThrows(JsepException.class, () -> Jsep.createAnswer(offer2, bob, bobView));
        assertTrue(e.getMessage().contains("restarts ICE"), e.getMessage());
        SessionDescription answer2 = Jsep.createAnswer(offer2,
                bob.withIce(new IceCredentials("ssss", "ssssssssssssssssssssss")), bobView).description();
        BrowserChecks.assertAnswerAcceptable(offer2, answer2);
        assertEquals("ssss", answer2.media().get(0).value("ice-ufrag").orElseThrow());
        // Without a restart the same credentials are fine.
        Jsep.createAnswer(Jsep.createOffer(alice.withTransceivers(offer.transceivers()),
                new CurrentDescriptions(offer.description(), answer.description())).description(), bob, bobView);
    }
}
