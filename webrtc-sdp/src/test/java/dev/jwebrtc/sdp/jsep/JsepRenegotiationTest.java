package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.Setup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two jwebrtc peers negotiate, then renegotiate: mids and order stay, roles stay, ICE restarts cleanly. */
class JsepRenegotiationTest {

    /** Alice offers audio+video+data; Bob answers with audio only and a data channel. */
    private record Round(LocalState alice, LocalState bob, JsepResult offer, JsepResult answer) {
        CurrentDescriptions aliceView() {
            return new CurrentDescriptions(offer.description(), answer.description());
        }

        CurrentDescriptions bobView() {
            return new CurrentDescriptions(answer.description(), offer.description());
        }
    }

    private static Round firstRound() {
        LocalState alice = Peers.avData("100", Peers.ICE_A, 1);
        LocalState bob = Peers.peer("200", Peers.ICE_B, 2)
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.SENDRECV, Peers.stream("b-audio", 7, 0)))
                .build();
        JsepResult offer = Jsep.createOffer(alice, null);
        JsepResult answer = Jsep.createAnswer(Sdp.parse(Sdp.write(offer.description())), bob, null);
        BrowserChecks.assertAnswerAcceptable(offer.description(), answer.description());
        return new Round(alice.withTransceivers(offer.transceivers()), bob.withTransceivers(answer.transceivers()),
                offer, answer);
    }

    @Test
    void firstAnswerIntersectsAndTakesTheActiveRole() {
        Round r = firstRound();
        SessionDescription answer = r.answer().description();
        assertEquals(Direction.SENDRECV, answer.media().get(0).direction());
        assertEquals(Direction.RECVONLY, answer.media().get(1).direction(), "Bob has no video track");
        assertEquals(List.of(MediaKind.AUDIO, MediaKind.VIDEO), r.bob().transceivers().stream()
                .map(Transceiver::kind).toList(), "an implicit recvonly transceiver took the video section");
        assertEquals("1", r.bob().transceivers().get(1).mid());
        assertTrue(answer.media().stream().allMatch(m -> m.first(Setup.TYPE).orElseThrow() == Setup.ACTIVE));
        assertEquals(List.of(Group.bundle(List.of("0", "1", "2"))), answer.bundleGroups());
        assertEquals("1", answer.origin().sessionVersion());
    }

    @Test
    void subsequentOfferKeepsMidsAndOrderAndAppendsNewSections() {
        Round r = firstRound();
        List<Transceiver> ts = new ArrayList<>(r.alice().transceivers());
        ts.add(Transceiver.of(MediaKind.VIDEO, Direction.SENDONLY, Peers.stream("screen", 4444, 0)));
        JsepResult offer2 = Jsep.createOffer(r.alice().withTransceivers(ts), r.aliceView());
        SessionDescription d = offer2.description();
        assertEquals(List.of("0", "1", "2", "3"), d.media().stream().map(m -> m.mid().orElseThrow()).toList());
        assertEquals(List.of("audio", "video", "application", "video"),
                d.media().stream().map(MediaDescription::media).toList());
        assertEquals("100", d.origin().sessionId());
        assertEquals("2", d.origin().sessionVersion(), "RFC 8829 §5.2.2: version increases");
        assertEquals(List.of(false, false, false, true), d.media().stream().map(MediaDescription::isBundleOnly)
                .toList(), "negotiated sections are no longer bundle-only; the new one is");
        assertEquals("3", offer2.transceivers().get(2).mid());
        JsepResult answer2 = Jsep.createAnswer(d, r.bob(), r.bobView());
        BrowserChecks.assertAnswerAcceptable(d, answer2.description());
        assertEquals(Direction.RECVONLY, answer2.description().media().get(3).direction());
    }

    @Test
    void stoppedTransceiverLeavesARejectedSectionInPlace() {
        Round r = firstRound();
        List<Transceiver> ts = new ArrayList<>(r.alice().transceivers());
        ts.set(0, ts.get(0).stop());
        SessionDescription d = Jsep.createOffer(r.alice().withTransceivers(ts), r.aliceView()).description();
        assertEquals(3, d.media().size());
        assertEquals(0, d.media().get(0).port());
        assertTrue(d.media().get(0).isRejected());
        assertEquals("0", d.media().get(0).mid().orElseThrow());
        assertEquals(List.of(Group.bundle(List.of("1", "2"))), d.bundleGroups());
        SessionDescription answer = Jsep.createAnswer(d, r.bob(), r.bobView()).description();
        BrowserChecks.assertAnswerAcceptable(d, answer);
        assertEquals(0, answer.media().get(0).port());
    }

    @Test
    void sectionRejectedByTheAnswerStaysRejectedInTheNextOffer() {
        LocalState alice = Peers.avData("100", Peers.ICE_A, 1);
        LocalState bob = Peers.peer("200", Peers.ICE_B, 2).videoCodecs(List.of()).dataChannel(false).build();
        JsepResult offer = Jsep.createOffer(alice, null);
        JsepResult answer = Jsep.createAnswer(offer.description(), bob, null);
        assertEquals(List.of(9, 0, 0), answer.description().media().stream().map(MediaDescription::port).toList());
        SessionDescription offer2 = Jsep.createOffer(alice.withTransceivers(offer.transceivers()),
                new CurrentDescriptions(offer.description(), answer.description())).description();
        assertEquals(List.of("0", "1", "2"), offer2.media().stream().map(m -> m.mid().orElseThrow()).toList());
        assertTrue(offer2.media().get(1).isRejected());
        assertTrue(offer2.media().get(2).isRejected());
        assertEquals(List.of(Group.bundle(List.of("0"))), offer2.bundleGroups());
    }

    @Test
    void answererKeepsItsDtlsRoleWhenTheOtherSideReoffers() {
        Round r = firstRound();
        // RFC 8829 §7.2 (offer-B2/answer-B2): the former answerer re-offers actpass; the former offerer keeps its
        // passive role.
        JsepResult bobOffer = Jsep.createOffer(r.bob(), r.bobView());
        assertTrue(bobOffer.description().media().stream().filter(m -> !m.isRejected())
                .allMatch(m -> m.first(Setup.TYPE).orElseThrow() == Setup.ACTPASS));
        SessionDescription aliceAnswer = Jsep.createAnswer(bobOffer.description(), r.alice(), r.aliceView())
                .description();
        BrowserChecks.assertAnswerAcceptable(bobOffer.description(), aliceAnswer);
        assertTrue(aliceAnswer.media().stream().filter(m -> m.port() != 0)
                .allMatch(m -> m.first(Setup.TYPE).orElseThrow() == Setup.PASSIVE));
        assertEquals(List.of("0", "1", "2"), bobOffer.description().media().stream()
                .map(m -> m.mid().orElseThrow()).toList(), "Bob's re-offer keeps Alice's mids");
        MediaDescription video = bobOffer.description().media().get(1);
        assertEquals(Direction.RECVONLY, video.direction(), "the implicit recvonly video transceiver is kept");
        assertTrue(video.port() != 0 || video.isBundleOnly());
        assertFalse(video.isRejected());
    }

    @Test
    void iceRestartChangesOnlyTheCredentials() {
        Round r = firstRound();
        String same = Sdp.write(Jsep.createOffer(r.alice(), r.aliceView()).description());
        IceCredentials fresh = new IceCredentials("cccc", "cccccccccccccccccccccc");
        String restarted = Sdp.write(Jsep.createOffer(r.alice().withIce(fresh), r.aliceView()).description());
        List<String> a = List.of(same.split("\r\n"));
        List<String> b = List.of(restarted.split("\r\n"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                assertTrue(a.get(i).startsWith("a=ice-ufrag:") || a.get(i).startsWith("a=ice-pwd:"),
                        "only ICE credentials change, not " + a.get(i));
            }
        }
        assertTrue(Jsep.isIceRestart(Sdp.parse(same), Sdp.parse(restarted)));
        assertFalse(Jsep.isIceRestart(Sdp.parse(same), Sdp.parse(same)));
    }
}
