package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import org.junit.jupiter.api.Test;

/** RFC 8866 §6.6 rtpmap. */
class RtpmapTest {

    @Test
    void opusWithChannelsAndVp8Without() {
        assertEquals(new Rtpmap(111, "opus", 48000, 2), Rtpmap.parse("111 opus/48000/2"));
        assertEquals(new Rtpmap(96, "VP8", 90000, 0), Rtpmap.parse("96 VP8/90000"));
        assertEquals("111 opus/48000/2", new Rtpmap(111, "opus", 48000, 2).toAttribute().value());
    }

    @Test
    void everyChromiumFormatHasAnRtpmap() {
        var video = Samples.chromium("offer-audio-video-data").media().get(1);
        var maps = video.all(Rtpmap.TYPE);
        assertEquals(video.formats(), maps.stream().map(m -> Integer.toString(m.payloadType())).toList());
    }

    @Test
    void malformedRtpmapsAreRejected() {
        for (String bad : new String[] {"128 opus/48000", "96 VP8", "96 VP8/0", "96 VP8/x", "96 VP8/90000/2/1",
                "96", "96 VP 8/90000"}) {
            assertThrows(SdpParseException.class, () -> Rtpmap.TYPE.parse(bad), bad);
        }
    }
}
