package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import org.junit.jupiter.api.Test;

/** RFC 8285 §7 extmap: id, optional direction, URI, optional extension attributes. */
class ExtmapTest {

    @Test
    void chromiumVideoExtensionsParseInOrder() {
        var maps = Samples.chromium("offer-audio-video-data").media().get(1).all(Extmap.TYPE);
        assertEquals(11, maps.size());
        assertEquals(new Extmap(14, null, "urn:ietf:params:rtp-hdrext:toffset", null), maps.get(0));
        assertEquals(4, maps.get(8).id());
        assertEquals("urn:ietf:params:rtp-hdrext:sdes:mid", maps.get(8).uri());
    }

    @Test
    void directionAndAttributesAreKept() {
        Extmap e = Extmap.parse("2/sendonly urn:ietf:params:rtp-hdrext:encrypt urn:ietf:params:rtp-hdrext:smpte-tc "
                + "25@600/24");
        assertEquals(2, e.id());
        assertEquals(Direction.SENDONLY, e.direction());
        assertEquals("urn:ietf:params:rtp-hdrext:encrypt", e.uri());
        assertEquals("urn:ietf:params:rtp-hdrext:smpte-tc 25@600/24", e.extensionAttributes());
        assertEquals(e, Extmap.parse(e.toAttribute().value()));
        assertNull(Extmap.parse("4096 urn:x").direction());
        // The URI may repeat text of the id; the attributes are what follows the URI field.
        Extmap repeated = Extmap.parse("1 1 x");
        assertEquals("1", repeated.uri());
        assertEquals("x", repeated.extensionAttributes());
        assertEquals(repeated, Extmap.parse(repeated.toAttribute().value()));
        assertEquals("a b", Extmap.parse("3\turn:y   a b").extensionAttributes());
    }

    @Test
    void malformedExtmapsAreRejected() {
        for (String bad : new String[] {"0 urn:x", "256 urn:x", "4352 urn:x", "1/both urn:x", "1", "x urn:x"}) {
            assertThrows(SdpParseException.class, () -> Extmap.TYPE.parse(bad), bad);
        }
    }
}
