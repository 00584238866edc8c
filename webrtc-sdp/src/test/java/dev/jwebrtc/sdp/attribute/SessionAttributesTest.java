package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** group:BUNDLE (RFC 8843), msid-semantic, ice-options (RFC 8839 §5.6). */
class SessionAttributesTest {

    @Test
    void bundleGroupOfChromiumAndGstreamer() {
        assertEquals(Group.bundle(List.of("0", "1", "2")),
                Samples.chromium("offer-audio-video-data").first(Group.TYPE).orElseThrow());
        assertEquals(List.of("video0", "application1"), Group.parse("BUNDLE video0 application1").mids());
        assertEquals(new Group("LS", List.of("a1", "v1")), Group.parse("LS a1 v1"));
        assertEquals("BUNDLE", Group.parse("BUNDLE").toAttribute().value());
        assertThrows(SdpParseException.class, () -> Group.TYPE.parse(""));
    }

    @Test
    void msidSemanticWithChromiumLeadingSpace() {
        MsidSemantic m = MsidSemantic.parse(" WMS 8bd63737-59f4-4a9a-a64c-a3b2c36a3ae4");
        assertEquals("WMS", m.semantic());
        assertEquals(List.of("8bd63737-59f4-4a9a-a64c-a3b2c36a3ae4"), m.identifiers());
        assertEquals(" WMS", MsidSemantic.parse(" WMS").toAttribute().value());
        assertThrows(SdpParseException.class, () -> MsidSemantic.TYPE.parse(" "));
    }

    @Test
    void iceOptionsTrickleAndIce2() {
        IceOptions o = IceOptions.parse("trickle ice2");
        assertTrue(o.trickle());
        assertTrue(o.ice2());
        assertFalse(IceOptions.parse("trickle").ice2());
        assertEquals("trickle ice2", o.toAttribute().value());
        assertThrows(SdpParseException.class, () -> IceOptions.TYPE.parse(""));
    }
}
