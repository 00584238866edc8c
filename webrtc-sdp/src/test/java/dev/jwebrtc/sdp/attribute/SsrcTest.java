package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5576 ssrc and ssrc-group (FID, SIM, FEC-FR). */
class SsrcTest {

    @Test
    void cnameAndMsidOfChromiumVideo() {
        var video = Samples.chromium("offer-audio-video-data").media().get(1);
        List<Ssrc> ssrcs = video.all(Ssrc.TYPE);
        assertEquals(4, ssrcs.size());
        assertEquals("cname", ssrcs.get(0).attribute());
        assertEquals("msid", ssrcs.get(1).attribute());
        assertEquals(ssrcs.get(0).ssrc(), ssrcs.get(1).ssrc());
        SsrcGroup fid = video.first(SsrcGroup.TYPE).orElseThrow();
        assertEquals(SsrcGroup.FID, fid.semantics());
        assertEquals(List.of(ssrcs.get(0).ssrc(), ssrcs.get(2).ssrc()), fid.ssrcs());
    }

    @Test
    void largeSsrcsPropertyAttributesAndGroups() {
        Ssrc s = Ssrc.parse("4294967295 cname:a/b+c");
        assertEquals(4294967295L, s.ssrc());
        assertEquals("a/b+c", s.value());
        assertNull(Ssrc.parse("1 x-flag").value());
        assertEquals("x y", Ssrc.parse("7\tmsid:x y").value());
        assertEquals("1 cname:x", Ssrc.cname(1, "x").toAttribute().value());
        assertEquals(List.of(1L, 2L, 3L), SsrcGroup.parse("SIM 1 2 3").ssrcs());
        assertEquals("FEC-FR 5 6", SsrcGroup.parse("FEC-FR 5 6").toAttribute().value());
    }

    @Test
    void malformedSsrcsAreRejected() {
        for (String bad : new String[] {"4294967296 cname:x", "-1 cname:x", "1", "abc cname:x", "1 :x"}) {
            assertThrows(SdpParseException.class, () -> Ssrc.TYPE.parse(bad), bad);
        }
        assertThrows(SdpParseException.class, () -> SsrcGroup.TYPE.parse("FID 1 x"));
    }
}
