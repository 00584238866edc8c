package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.Samples;
import dev.jwebrtc.sdp.Sdp;
import org.junit.jupiter.api.Test;

/** Property attributes: ice-lite, end-of-candidates, extmap-allow-mixed, rtcp-mux(-only), rtcp-rsize, bundle-only. */
class FlagsTest {

    @Test
    void flagsAreFoundWhereTheSamplesPutThem() {
        var gst = Sdp.parse(Samples.read("samples/gstreamer-1.22-webrtcbin-offer-vp8-datachannel.sdp"));
        assertTrue(gst.media().get(0).has(Flags.RTCP_MUX_ONLY));
        assertTrue(gst.media().get(1).has(Flags.BUNDLE_ONLY));
        var rfc = Sdp.parse(Samples.read("rfc/rfc8829-7.1-offer-A1.sdp"));
        assertTrue(rfc.media().get(0).has(Flags.END_OF_CANDIDATES));
        assertTrue(rfc.media().get(0).has(Flags.RTCP_MUX));
        assertTrue(rfc.media().get(0).has(Flags.RTCP_RSIZE));
        assertTrue(Samples.chromium("offer-datachannel-only").has(Flags.EXTMAP_ALLOW_MIXED));
        assertEquals(11, Flags.ALL.size());
    }

    @Test
    void iceLiteIsASessionFlag() {
        var d = Sdp.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n");
        assertTrue(d.has(Flags.ICE_LITE));
    }
}
