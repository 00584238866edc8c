package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SdpParseOptions;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.IcePwd;
import dev.jwebrtc.sdp.attribute.IceUfrag;
import dev.jwebrtc.sdp.attribute.MaxMessageSize;
import dev.jwebrtc.sdp.attribute.Rtpmap;
import dev.jwebrtc.sdp.attribute.SctpPort;
import dev.jwebrtc.sdp.attribute.Setup;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks a browser makes in setRemoteDescription(answer) (Chromium's and Firefox's JSEP validation, RFC 8829
 * §5.8 and §5.10): structure mirrors the offer, accepted sections carry ICE, DTLS and mux attributes, formats
 * and extensions come from the offer, directions are compatible, BUNDLE is a subset.
 */
final class BrowserChecks {
    private BrowserChecks() {
    }

    static void assertAnswerAcceptable(SessionDescription offer, SessionDescription answer) {
        String text = Sdp.write(answer);
        assertEquals(answer, Sdp.parse(text, SdpParseOptions.STRICT), "the answer re-parses under strict rules");
        assertEquals(offer.media().size(), answer.media().size(), "one answer section per offered section");
        Set<String> offeredBundle = offer.bundleGroups().stream().flatMap(g -> g.mids().stream())
                .collect(Collectors.toSet());
        List<Group> groups = answer.bundleGroups();
        assertTrue(groups.size() <= 1, "at most one BUNDLE group");
        Set<String> answerBundle = groups.isEmpty() ? Set.of() : Set.copyOf(groups.get(0).mids());
        assertTrue(offeredBundle.containsAll(answerBundle), "BUNDLE mids come from the offered group");
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            assertEquals(o.media(), a.media(), "section " + i + " keeps its media type");
            assertEquals(o.protocol(), a.protocol(), "section " + i + " keeps its protocol");
            assertEquals(o.mid(), a.mid(), "section " + i + " keeps its mid");
            if (a.port() == 0) {
                assertFalse(answerBundle.contains(a.mid().orElse("")), "a rejected section is not bundled");
                continue;
            }
            assertFalse(o.isRejected(), "a section rejected in the offer stays rejected");
            assertTrue(IceUfrag.parse(a.value("ice-ufrag").orElseThrow()).ufrag().length() >= 4);
            assertTrue(IcePwd.parse(a.value("ice-pwd").orElseThrow()).password().length() >= 22);
            assertFalse(a.all(Fingerprint.TYPE).isEmpty(), "fingerprint in section " + i);
            Setup setup = a.first(Setup.TYPE).orElseThrow();
            assertTrue(setup == Setup.ACTIVE || setup == Setup.PASSIVE, "answer setup is active or passive");
            Setup offered = o.first(Setup.TYPE).or(() -> offer.first(Setup.TYPE)).orElse(Setup.ACTPASS);
            if (offered != Setup.ACTPASS) {
                assertNotEquals(offered, setup, "DTLS roles are complementary");
            }
            assertFalse(a.isBundleOnly(), "answers do not use bundle-only");
            if (o.media().equals("application")) {
                if (a.formats().contains("webrtc-datachannel")) {
                    assertTrue(a.first(SctpPort.TYPE).isPresent(), "sctp-port");
                    assertTrue(a.first(MaxMessageSize.TYPE).isPresent(), "max-message-size");
                }
                continue;
            }
            assertTrue(a.has(Flags.RTCP_MUX), "rtcp-mux in accepted RTP section " + i);
            assertFalse(a.has(Flags.RTCP_MUX_ONLY), "rtcp-mux-only is an offer attribute");
            assertTrue(o.formats().containsAll(a.formats()), "answer formats come from the offer");
            assertFalse(a.formats().isEmpty());
            List<Codec> codecs = Jsep.codecsOf(a);
            assertEquals(a.formats().size(), codecs.size(), "every answered format is described");
            Set<Integer> pts = codecs.stream().map(Codec::payloadType).collect(Collectors.toSet());
            for (Codec c : codecs) {
                if (c.isRtx()) {
                    assertTrue(pts.contains(c.apt()), "RTX " + c.payloadType() + " repairs an answered format");
                }
                Rtpmap offeredMap = o.all(Rtpmap.TYPE).stream().filter(r -> r.payloadType() == c.payloadType())
                        .findFirst().orElse(null);
                if (offeredMap != null) {
                    assertTrue(offeredMap.encodingName().equalsIgnoreCase(c.name()), "same codec for a PT");
                }
            }
            for (Extmap e : a.all(Extmap.TYPE)) {
                assertTrue(o.all(Extmap.TYPE).stream().anyMatch(x -> x.id() == e.id() && x.uri().equals(e.uri())),
                        "answered extmap " + e.id() + " was offered with that id");
            }
            Direction od = offer.directionOf(o);
            Direction ad = a.direction();
            assertTrue(!ad.sends() || od.receives(), "answer sends only where the offer receives");
            assertTrue(!ad.receives() || od.sends(), "answer receives only where the offer sends");
        }
    }
}
