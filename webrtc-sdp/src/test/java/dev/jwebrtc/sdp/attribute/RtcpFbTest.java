package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.SdpParseException;
import org.junit.jupiter.api.Test;

/** RFC 4585 §4.2 rtcp-fb. */
class RtcpFbTest {

    @Test
    void typesWithAndWithoutParameters() {
        assertEquals(new RtcpFb("96", "nack", "pli"), RtcpFb.parse("96 nack pli"));
        assertEquals(new RtcpFb("96", "transport-cc", null), RtcpFb.parse("96 transport-cc"));
        assertEquals("nack pli", RtcpFb.parse("96 nack pli").mechanism());
        RtcpFb wildcard = RtcpFb.parse("* trr-int 100");
        assertTrue(wildcard.appliesTo(5));
        assertFalse(RtcpFb.parse("96 nack").appliesTo(97));
        assertNull(RtcpFb.parse("96 goog-remb").parameter());
        assertEquals("96 ccm fir", RtcpFb.parse("96  ccm  fir").toAttribute().value());
    }

    @Test
    void malformedFeedbackIsRejected() {
        for (String bad : new String[] {"96", "200 nack", "x nack", ""}) {
            assertThrows(SdpParseException.class, () -> RtcpFb.TYPE.parse(bad), bad);
        }
    }
}
