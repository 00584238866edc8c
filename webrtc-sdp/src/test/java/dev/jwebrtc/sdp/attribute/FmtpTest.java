package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8866 §6.15 fmtp with key=value parameters, RTX apt (RFC 4588 §8.6) and RED's list form. */
class FmtpTest {

    @Test
    void h264ParametersAreReadAsAnOrderedMap() {
        Fmtp f = Fmtp.parse("102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
        assertEquals(102, f.payloadType());
        assertEquals(Map.of("level-asymmetry-allowed", "1", "packetization-mode", "1", "profile-level-id", "42001f"),
                f.parameterMap());
        assertEquals("42001f", f.parameter("Profile-Level-Id").orElseThrow());
    }

    @Test
    void rtxAptRedListAndDtmfRangeAreKept() {
        assertEquals("96", Fmtp.parse("97 apt=96").parameter("apt").orElseThrow());
        Fmtp red = Fmtp.parse("63 111/111");
        assertEquals("111/111", red.parameters());
        assertEquals(Map.of("111/111", ""), red.parameterMap());
        assertEquals("0-15", Fmtp.parse("97 0-15").parameters());
        assertEquals("97 0-15", Fmtp.parse("97 0-15").toAttribute().value());
        assertEquals(-1, Fmtp.parse("webrtc-datachannel max-message-size=100000").payloadType());
    }

    @Test
    void formatMustBeAToken() {
        assertThrows(SdpParseException.class, () -> Fmtp.TYPE.parse(""));
        assertThrows(SdpParseException.class, () -> Fmtp.TYPE.parse("9(6) apt=1"));
    }
}
