package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Samples;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.Msid;
import dev.jwebrtc.sdp.attribute.RtcpFb;
import dev.jwebrtc.sdp.attribute.Setup;
import dev.jwebrtc.sdp.attribute.Ssrc;
import dev.jwebrtc.sdp.attribute.SsrcGroup;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** jwebrtc answers real Chromium 156 (and GStreamer, RFC 8829) offers the way a browser accepts. */
class JsepAnswersChromiumOffersTest {

    static List<String> offers() {
        return Samples.all().stream().filter(n -> n.contains("offer")).toList();
    }

    @ParameterizedTest
    @MethodSource("offers")
    void everyOfferSampleGetsAnAcceptableAnswer(String name) {
        SessionDescription offer = Sdp.parse(Samples.read(name));
        LocalState local = Peers.avData("42", Peers.ICE_B, 2);
        JsepResult answer = Jsep.createAnswer(offer, local, null);
        BrowserChecks.assertAnswerAcceptable(offer, answer.description());
    }

    @Test
    void dataChannelOnlyAnswerHasChromiumsOwnShape() {
        SessionDescription offer = Samples.chromium("offer-datachannel-only");
        LocalState local = Peers.peer("2486444664063842870", Peers.ICE_B, 2).build();
        String ours = Sdp.write(Jsep.createAnswer(offer, local, null).description());
        String chromium = Samples.read("samples/chromium156-answer-datachannel-only.sdp");
        assertEquals(normalise(chromium), normalise(ours));
    }

    /** Blanks the values that differ per peer: origin, ICE credentials, fingerprint digest. */
    private static List<String> normalise(String sdp) {
        Pattern volatileValue = Pattern.compile("^(o=|a=ice-ufrag:|a=ice-pwd:|a=fingerprint:sha-256 ).*$");
        return List.of(sdp.split("\r\n")).stream().map(l -> volatileValue.matcher(l).replaceAll("$1*")).toList();
    }

    @Test
    void audioAndVideoAreRejectedWithPortZeroWhenNothingMatchesAndDataIsAccepted() {
        SessionDescription offer = Samples.chromium("offer-audio-video-data");
        LocalState local = Peers.peer("42", Peers.ICE_B, 2).audioCodecs(List.of()).videoCodecs(List.of())
                .candidates(List.of(Peers.HOST), false).build();
        JsepResult r = Jsep.createAnswer(offer, local, null);
        SessionDescription answer = r.description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        assertEquals(0, answer.media().get(0).port());
        assertEquals(0, answer.media().get(1).port());
        assertEquals(List.of("audio", "video", "application"), answer.media().stream().map(MediaDescription::media)
                .toList());
        assertEquals("0", answer.media().get(0).mid().orElseThrow());
        MediaDescription data = answer.media().get(2);
        assertEquals(50000, data.port(), "the only accepted section carries the default candidate");
        assertEquals(List.of(Peers.HOST), data.all(Candidate.TYPE));
        assertEquals(List.of(Group.bundle(List.of("2"))), answer.bundleGroups());
        assertEquals("2", r.dataChannelMid());
    }

    @Test
    void audioVideoDataOfferIsAnsweredWithTheIntersection() {
        SessionDescription offer = Samples.chromium("offer-audio-video-data");
        LocalState local = Peers.peer("42", Peers.ICE_B, 2)
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.SENDRECV, Peers.stream("a1", 1111, 0)))
                .addTransceiver(Transceiver.of(MediaKind.VIDEO, Direction.RECVONLY, null))
                .candidates(List.of(Peers.HOST, Peers.SRFLX), true).build();
        JsepResult r = Jsep.createAnswer(offer, local, null);
        SessionDescription answer = r.description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        assertEquals(List.of("0", "1"), r.transceivers().stream().map(Transceiver::mid).toList());
        assertEquals(List.of(Group.bundle(List.of("0", "1", "2"))), answer.bundleGroups());
        assertTrue(answer.has(Flags.EXTMAP_ALLOW_MIXED));

        MediaDescription audio = answer.media().get(0);
        assertEquals(List.of("111", "0", "8", "126"), audio.formats(), "opus, PCMU, PCMA, DTMF/8000 in offer order");
        assertEquals(Direction.SENDRECV, audio.direction());
        assertEquals(new Msid("stream-a", "a1"), audio.first(Msid.TYPE).orElseThrow());
        assertEquals(1111, audio.first(Ssrc.TYPE).orElseThrow().ssrc());
        assertEquals(List.of(1, 2, 3, 4), audio.all(Extmap.TYPE).stream().map(Extmap::id).toList());
        assertEquals(Setup.ACTIVE, audio.first(Setup.TYPE).orElseThrow());
        assertEquals(50000, audio.port(), "the BUNDLE tag carries the default candidate");
        assertEquals(2, audio.all(Candidate.TYPE).size());
        assertTrue(audio.has(Flags.END_OF_CANDIDATES));

        MediaDescription video = answer.media().get(1);
        // VP8+RTX, H.264 constrained baseline 42e01f mode 1 (not baseline 42001f), AV1+RTX, VP9 profile 0+RTX.
        assertEquals(List.of("96", "97", "108", "109", "45", "46", "98", "99"), video.formats());
        assertEquals(Direction.RECVONLY, video.direction());
        assertTrue(video.first(Msid.TYPE).isEmpty(), "a recvonly section announces no stream");
        assertTrue(video.first(SsrcGroup.TYPE).isEmpty());
        assertEquals(List.of(2, 3, 4, 10, 11), video.all(Extmap.TYPE).stream().map(Extmap::id).toList());
        assertEquals(List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"),
                video.all(RtcpFb.TYPE).stream().filter(f -> f.appliesTo(96)).map(RtcpFb::mechanism).toList());
        assertEquals("apt=108", Jsep.codecsOf(video).get(3).fmtp());
        assertEquals(9, video.port(), "bundled sections other than the tag use the dummy port");
        assertTrue(video.all(Candidate.TYPE).isEmpty());

        MediaDescription data = answer.media().get(2);
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertEquals("5000", data.value("sctp-port").orElseThrow());
        assertEquals("262144", data.value("max-message-size").orElseThrow());
    }

    @Test
    void gstreamerBundleOnlyDataSectionIsAcceptedInsideTheBundle() {
        SessionDescription offer = Sdp.parse(Samples.read("samples/gstreamer-1.22-webrtcbin-offer-vp8-datachannel.sdp"));
        JsepResult r = Jsep.createAnswer(offer, Peers.peer("7", Peers.ICE_B, 2).build(), null);
        SessionDescription answer = r.description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        assertEquals(List.of(Group.bundle(List.of("video0", "application1"))), answer.bundleGroups());
        assertEquals(List.of("96"), answer.media().get(0).formats());
        assertEquals(Direction.RECVONLY, answer.media().get(0).direction(), "no local video transceiver");
        assertEquals(9, answer.media().get(1).port());
        assertEquals("application1", r.dataChannelMid());
    }

    @Test
    void legacySctpmapOfferIsAnsweredInTheLegacyForm() {
        String text = Samples.read("samples/chromium156-offer-datachannel-only.sdp")
                .replace("m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "m=application 9 DTLS/SCTP 5000")
                .replace("a=sctp-port:5000", "a=sctpmap:5000 webrtc-datachannel 1024");
        SessionDescription offer = Sdp.parse(text);
        SessionDescription answer = Jsep.createAnswer(offer, Peers.peer("7", Peers.ICE_B, 2).build(), null)
                .description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        MediaDescription data = answer.media().get(0);
        assertEquals(List.of("5000"), data.formats());
        assertEquals("5000 webrtc-datachannel 1024", data.value("sctpmap").orElseThrow());
    }

    @Test
    void offerWithoutBundleKeepsOnlyTheFirstSectionUnderMaxBundle() {
        SessionDescription offer = Samples.chromium("offer-audio-video-data");
        offer = offer.withAttributes(offer.attributes().stream().filter(a -> !a.name().equals("group")).toList());
        SessionDescription answer = Jsep.createAnswer(offer, Peers.avData("5", Peers.ICE_B, 2), null).description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        assertTrue(answer.media().get(0).port() != 0);
        assertEquals(0, answer.media().get(1).port());
        assertEquals(0, answer.media().get(2).port());
        assertTrue(answer.bundleGroups().isEmpty());
    }

    @Test
    void unmatchedOfferedSectionsGetImplicitRecvonlyTransceivers() {
        SessionDescription offer = Samples.chromium("offer-audio-video-data");
        JsepResult r = Jsep.createAnswer(offer, Peers.peer("5", Peers.ICE_B, 2).build(), null);
        assertEquals(List.of(new Transceiver("0", MediaKind.AUDIO, Direction.RECVONLY, null, false),
                new Transceiver("1", MediaKind.VIDEO, Direction.RECVONLY, null, false)), r.transceivers());
    }

    @Test
    void unassociatedTransceiverKeepsNoMid() {
        SessionDescription offer = Samples.chromium("offer-datachannel-only");
        LocalState local = Peers.avData("5", Peers.ICE_B, 2);
        JsepResult r = Jsep.createAnswer(offer, local, null);
        assertNull(r.transceivers().get(0).mid());
        assertNull(r.transceivers().get(1).mid());
        assertFalse(Sdp.write(r.description()).contains("m=audio"));
    }
}
