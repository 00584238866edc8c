package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import org.junit.jupiter.api.Test;

/** sctp-port and max-message-size (RFC 8841), legacy sctpmap. */
class SctpAttributesTest {

    @Test
    void chromiumDataSectionCarriesPortAndMaxMessageSize() {
        var data = Samples.chromium("offer-audio-video-data").media().get(2);
        assertEquals(new SctpPort(5000), data.first(SctpPort.TYPE).orElseThrow());
        assertEquals(new MaxMessageSize(262144), data.first(MaxMessageSize.TYPE).orElseThrow());
    }

    @Test
    void legacySctpmapWithAndWithoutStreams() {
        assertEquals(new Sctpmap(5000, "webrtc-datachannel", 1024), Sctpmap.parse("5000 webrtc-datachannel 1024"));
        assertEquals(0, Sctpmap.parse("5000 webrtc-datachannel").streams());
        assertEquals("5000 webrtc-datachannel 1024", Sctpmap.parse("5000 webrtc-datachannel 1024").toAttribute()
                .value());
        assertThrows(SdpParseException.class, () -> Sctpmap.TYPE.parse("5000"));
    }

    @Test
    void malformedValuesAreRejected() {
        assertThrows(SdpParseException.class, () -> SctpPort.TYPE.parse("65536"));
        assertThrows(SdpParseException.class, () -> SctpPort.TYPE.parse("abc"));
        assertThrows(SdpParseException.class, () -> MaxMessageSize.TYPE.parse("-1"));
        assertThrows(SdpParseException.class, () -> MaxMessageSize.TYPE.parse("99999999999999999999"));
        assertEquals(0, MaxMessageSize.parse("0").size());
    }
}
