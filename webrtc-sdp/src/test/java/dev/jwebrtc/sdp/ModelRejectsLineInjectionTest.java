package dev.jwebrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values built by callers cannot break out of their line: the model refuses CR, LF and NUL and bad tokens. */
class ModelRejectsLineInjectionTest {

    @Test
    void attributeValuesCannotInjectLines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Attribute.of("x-label", "ok\r\na=fingerprint:sha-256 00"));
        assertTrue(e.getMessage().contains("CR, LF or NUL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Attribute.of("bad name", "v"));
        assertThrows(IllegalArgumentException.class, () -> Attribute.flag(""));
        assertThrows(NullPointerException.class, () -> Attribute.of("x", null));
    }

    @Test
    void lineFieldsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Origin("a b", "1", "1", "IN", "IP4", "1.2.3.4"));
        assertThrows(IllegalArgumentException.class, () -> new Origin("-", "x", "1", "IN", "IP4", "1.2.3.4"));
        assertThrows(IllegalArgumentException.class, () -> new Connection("IN", "IP4", "1.2.3.4\r\nm=x"));
        assertThrows(IllegalArgumentException.class, () -> new Bandwidth("A S", 1));
        assertThrows(IllegalArgumentException.class, () -> MediaDescription.of("audio", 9, "RTP//AVP", List.of("0"),
                null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MediaDescription.of("audio", 9, "RTP/AVP",
                List.of("0 1"), null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MediaDescription.of("audio", 70000, "RTP/AVP",
                List.of("0"), null, List.of()));
        Origin o = Origin.jsep("1", 1);
        assertThrows(IllegalArgumentException.class, () -> new SessionDescription(0, o, "x\ny", null, null,
                List.of(), List.of(), null, List.of(), List.of(Timing.UNBOUNDED), null, null, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SessionDescription(0, o, "-", null, null,
                List.of(), List.of(), null, List.of(), List.of(), null, null, List.of(), List.of()));
        assertEquals("2", o.withNextVersion().sessionVersion());
    }
}
