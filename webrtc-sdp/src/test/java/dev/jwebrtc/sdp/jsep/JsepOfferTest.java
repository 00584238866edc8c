package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SdpParseOptions;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.Setup;
import dev.jwebrtc.sdp.attribute.SsrcGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8829 §5.2.1 initial offers under each bundle policy. */
class JsepOfferTest {

    @Test
    void maxBundleOfferPutsTransportInTheFirstSectionAndMarksTheRestBundleOnly() {
        JsepResult r = Jsep.createOffer(Peers.avData("4962303333179871722", Peers.ICE_A, 1), null);
        SessionDescription offer = r.description();
        assertEquals(offer, Sdp.parse(Sdp.write(offer), SdpParseOptions.STRICT));
        assertEquals("4962303333179871722", offer.origin().sessionId());
        assertEquals(List.of("audio", "video", "application"), offer.media().stream().map(MediaDescription::media)
                .toList());
        assertEquals(List.of(Group.bundle(List.of("0", "1", "2"))), offer.bundleGroups());
        assertEquals(List.of("0", "1"), r.transceivers().stream().map(Transceiver::mid).toList());
        assertEquals("2", r.dataChannelMid());
        MediaDescription audio = offer.media().get(0);
        assertEquals(50000, audio.port());
        assertEquals("192.0.2.10", audio.connections().get(0).address());
        assertEquals(2, audio.all(Candidate.TYPE).size());
        assertTrue(audio.has(Flags.END_OF_CANDIDATES));
        assertFalse(audio.isBundleOnly());
        for (MediaDescription m : offer.media()) {
            assertEquals(Setup.ACTPASS, m.first(Setup.TYPE).orElseThrow(), "RFC 8842 §5.2: offers are actpass");
            assertEquals("aaaa", m.value("ice-ufrag").orElseThrow());
            assertTrue(m.value("fingerprint").isPresent());
        }
        for (MediaDescription m : offer.media().subList(1, 3)) {
            assertEquals(0, m.port());
            assertTrue(m.isBundleOnly());
            assertFalse(m.isRejected());
            assertTrue(m.all(Candidate.TYPE).isEmpty());
        }
        MediaDescription video = offer.media().get(1);
        assertTrue(video.has(Flags.RTCP_MUX) && video.has(Flags.RTCP_MUX_ONLY) && video.has(Flags.RTCP_RSIZE));
        assertEquals(List.of("96", "97", "98", "99", "102", "103", "45", "46"), video.formats());
        assertEquals(new SsrcGroup(SsrcGroup.FID, List.of(2222L, 3333L)), video.first(SsrcGroup.TYPE).orElseThrow());
        MediaDescription data = offer.media().get(2);
        assertEquals("UDP/DTLS/SCTP", data.protocol());
        assertEquals("5000", data.value("sctp-port").orElseThrow());
    }

    @Test
    void balancedPolicyMakesOnlyLaterSectionsOfAKindBundleOnly() {
        LocalState local = Peers.avData("1", Peers.ICE_A, 1).toBuilder().bundlePolicy(BundlePolicy.BALANCED)
                .addTransceiver(Transceiver.of(MediaKind.VIDEO, Direction.RECVONLY, null)).build();
        SessionDescription offer = Jsep.createOffer(local, null).description();
        assertEquals(List.of("audio", "video", "video", "application"),
                offer.media().stream().map(MediaDescription::media).toList());
        assertEquals(List.of(false, false, true, false),
                offer.media().stream().map(MediaDescription::isBundleOnly).toList());
    }

    @Test
    void maxCompatPolicyMarksNothingBundleOnly() {
        LocalState local = Peers.avData("1", Peers.ICE_A, 1).toBuilder().bundlePolicy(BundlePolicy.MAX_COMPAT).build();
        SessionDescription offer = Jsep.createOffer(local, null).description();
        assertTrue(offer.media().stream().noneMatch(MediaDescription::isBundleOnly));
        assertTrue(offer.media().stream().allMatch(m -> m.port() == 50000));
    }

    @Test
    void inactiveOrTracklessTransceiversAnnounceNoStream() {
        LocalState local = Peers.peer("1", Peers.ICE_A, 1)
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.RECVONLY, Peers.stream("a", 5, 0)))
                .dataChannel(false).build();
        MediaDescription audio = Jsep.createOffer(local, null).description().media().get(0);
        assertEquals(Direction.RECVONLY, audio.direction());
        assertFalse(audio.has("msid"));
        assertFalse(audio.has("ssrc"));
    }

    @Test
    void duplicateMidsAndMissingCodecsAreCallerErrors() {
        LocalState dup = Peers.peer("1", Peers.ICE_A, 1)
                .addTransceiver(new Transceiver("x", MediaKind.AUDIO, Direction.SENDRECV, null, false))
                .addTransceiver(new Transceiver("x", MediaKind.VIDEO, Direction.SENDRECV, null, false)).build();
        assertThrows(IllegalArgumentException.class, () -> Jsep.createOffer(dup, null));
        LocalState noCodecs = Peers.peer("1", Peers.ICE_A, 1).audioCodecs(List.of())
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.SENDRECV, null)).build();
        assertThrows(IllegalArgumentException.class, () -> Jsep.createOffer(noCodecs, null));
    }
}
