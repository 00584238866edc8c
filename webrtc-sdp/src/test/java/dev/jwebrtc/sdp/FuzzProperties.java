package dev.jwebrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.Fmtp;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.Rid;
import dev.jwebrtc.sdp.attribute.RtcpFb;
import dev.jwebrtc.sdp.attribute.Rtpmap;
import dev.jwebrtc.sdp.attribute.Simulcast;
import dev.jwebrtc.sdp.attribute.Ssrc;
import dev.jwebrtc.sdp.attribute.SsrcGroup;
import dev.jwebrtc.sdp.attribute.TypedAttribute;
import dev.jwebrtc.sdp.internal.KnownAttributes;
import dev.jwebrtc.sdp.jsep.IceCredentials;
import dev.jwebrtc.sdp.jsep.Jsep;
import dev.jwebrtc.sdp.jsep.JsepException;
import dev.jwebrtc.sdp.jsep.LocalState;
import dev.jwebrtc.sdp.jsep.MediaKind;
import dev.jwebrtc.sdp.jsep.Transceiver;
import java.util.List;

/**
 * The properties every input must satisfy, shared by the Jazzer target and the seeded mutation test: parsing
 * either succeeds or throws {@link SdpParseException}; a parsed description writes, re-parses to itself, its
 * typed views parse, and answering it throws nothing but {@link JsepException}.
 */
final class FuzzProperties {
    private static final LocalState ANSWERER = LocalState.builder("1",
            new IceCredentials("fuzz", "fuzzfuzzfuzzfuzzfuzzfu"), Fingerprint.of("sha-256", new byte[32]))
            .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.SENDRECV, null))
            .addTransceiver(Transceiver.of(MediaKind.VIDEO, Direction.SENDRECV, null))
            .build();

    private FuzzProperties() {
    }

    static void check(String text) {
        SessionDescription d;
        try {
            d = Sdp.parse(text);
        } catch (SdpParseException e) {
            return;
        }
        String written = Sdp.write(d);
        assertEquals(d, Sdp.parse(written), "parse(write(parse(x))) == parse(x)");
        assertEquals(written, Sdp.write(Sdp.parse(written)), "the written form is a fixed point");
        exerciseViews(d.all(Group.TYPE));
        for (MediaDescription m : d.media()) {
            for (var type : List.of(Candidate.TYPE, Extmap.TYPE, Fingerprint.TYPE, Fmtp.TYPE, Rtpmap.TYPE,
                    RtcpFb.TYPE, Ssrc.TYPE, SsrcGroup.TYPE, Rid.TYPE, Simulcast.TYPE)) {
                exerciseViews(m.all(type));
            }
            m.direction();
            m.isRejected();
            Jsep.codecsOf(m);
        }
        try {
            SessionDescription answer = Jsep.createAnswer(d, ANSWERER, null).description();
            assertEquals(answer, Sdp.parse(Sdp.write(answer)), "a generated answer is valid SDP");
        } catch (JsepException e) {
            // An offer JSEP cannot answer: a clean, explained refusal.
        }
    }

    private static void exerciseViews(List<? extends TypedAttribute> views) {
        for (TypedAttribute t : views) {
            Attribute canonical = t.toAttribute();
            // The canonical form of a typed value parses back to an equal value.
            Object again = KnownAttributes.type(canonical.name()).parse(canonical.value());
            assertEquals(t, again, "canonical a=" + canonical);
        }
    }
}
