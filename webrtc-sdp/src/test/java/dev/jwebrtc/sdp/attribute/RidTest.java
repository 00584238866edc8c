package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.SdpParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8851 §10 rid grammar, with the examples of RFC 8851 §11. */
class RidTest {

    @Test
    void payloadTypesAndRestrictions() {
        Rid r = Rid.parse("1 send pt=97,98;max-width=1280;max-height=720");
        assertEquals("1", r.id());
        assertTrue(r.send());
        assertEquals(List.of("97", "98"), r.payloadTypes());
        assertEquals("1280", r.restriction("max-width").orElseThrow());
        assertEquals("1 send pt=97,98;max-width=1280;max-height=720", r.toAttribute().value());
    }

    @Test
    void bareRidAndRestrictionsWithoutPayloadTypes() {
        Rid h = Rid.parse("h send");
        assertEquals(h, Rid.parse("h\tsend"));
        assertEquals(List.of(), h.payloadTypes());
        Rid recv = Rid.parse("5 recv max-fps=30;depend=1,2");
        assertFalse(recv.send());
        assertEquals("1,2", recv.restriction("depend").orElseThrow());
        assertEquals("5 recv max-fps=30;depend=1,2", recv.toAttribute().value());
    }

    @Test
    void malformedRidsAreRejected() {
        for (String bad : new String[] {"h", "h both", "h! send", "h send pt=", "h send ;x=1", "h send max width=1"}) {
            assertThrows(SdpParseException.class, () -> Rid.TYPE.parse(bad), bad);
        }
    }
}
