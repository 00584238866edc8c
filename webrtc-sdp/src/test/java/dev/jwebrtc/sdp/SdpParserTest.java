package dev.jwebrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.attribute.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser builds the model browsers mean, and is lenient where browsers are. */
class SdpParserTest {
    private static final String MINIMAL = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @Test
    void chromiumOfferHasThreeBundledSectionsInOrder() {
        SessionDescription d = Samples.chromium("offer-audio-video-data");
        assertEquals(new Origin("-", "7055246388675939754", "2", "IN", "IP4", "127.0.0.1"), d.origin());
        assertEquals("-", d.sessionName());
        assertEquals(List.of(Timing.UNBOUNDED), d.timings());
        assertEquals(List.of("audio", "video", "application"), d.media().stream().map(MediaDescription::media)
                .toList());
        assertEquals(List.of("0", "1", "2"), d.bundleGroups().get(0).mids());
        MediaDescription video = d.mediaByMid("1").orElseThrow();
        assertEquals(9, video.port());
        assertEquals("UDP/TLS/RTP/SAVPF", video.protocol());
        assertEquals(23, video.formats().size());
        assertEquals("96", video.formats().get(0));
        assertEquals(List.of(Connection.DUMMY_IP4), video.connections());
        assertEquals(Direction.SENDRECV, video.direction());
        MediaDescription data = d.media().get(2);
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertEquals("UDP/DTLS/SCTP", data.protocol());
        assertTrue(d.has("extmap-allow-mixed"));
        assertEquals(" WMS 8bd63737-59f4-4a9a-a64c-a3b2c36a3ae4", d.value("msid-semantic").orElseThrow());
    }

    @Test
    void unknownAttributesAreKeptVerbatimAndInOrder() {
        String text = MINIMAL + "a=x-custom:some value: with colons\r\na=zzz\r\n"
                + "m=audio 9 RTP/AVP 0\r\na=x-first\r\na=mid:a\r\na=x-last:\r\n";
        SessionDescription d = Sdp.parse(text);
        assertEquals(List.of(new Attribute("x-custom", "some value: with colons"), Attribute.flag("zzz")),
                d.attributes());
        assertEquals(List.of(Attribute.flag("x-first"), Attribute.of("mid", "a"), Attribute.of("x-last", "")),
                d.media().get(0).attributes());
        assertEquals(text, Sdp.write(d));
    }

    @Test
    void bareLineFeedsAndMissingFinalLineEndAreAccepted() {
        String crlf = Samples.read("samples/chromium156-offer-datachannel-only.sdp");
        String lf = crlf.replace("\r\n", "\n");
        assertEquals(Sdp.parse(crlf), Sdp.parse(lf));
        assertEquals(Sdp.parse(crlf), Sdp.parse(lf.substring(0, lf.length() - 1)));
        assertEquals(crlf, Sdp.write(Sdp.parse(lf)));
    }

    @Test
    void trailingWhitespaceAndRunsOfSpacesAreAccepted() {
        String text = "v=0 \r\no=-  1 2  IN IP4 127.0.0.1\t\r\ns=-\r\nt=0   0\r\n\r\n"
                + "m=audio  9 RTP/AVP   0 8\r\nc=IN  IP4 0.0.0.0\r\na=mid:0  \r\n";
        SessionDescription d = Sdp.parse(text);
        assertEquals("1", d.origin().sessionId());
        assertEquals(List.of("0", "8"), d.media().get(0).formats());
        assertEquals("0", d.media().get(0).mid().orElseThrow());
        assertEquals(Connection.DUMMY_IP4, d.media().get(0).connections().get(0));
    }

    @Test
    void allSessionLineTypesAreModelled() {
        SessionDescription d = Sdp.parse(Samples.read("rfc/rfc8866-5-example.sdp"));
        assertEquals("Call to John Smith", d.sessionName());
        assertEquals("SDP Offer #1", d.information());
        assertEquals("http://www.jdoe.example.com/home.html", d.uri());
        assertEquals(List.of("Jane Doe <jane@jdoe.example.com>"), d.emails());
        assertEquals(List.of("+1 617 555-6011"), d.phones());
        assertEquals(new Connection("IN", "IP4", "198.51.100.1"), d.connection());
        assertEquals(3, d.media().size());
        assertEquals(new Connection("IN", "IP6", "2001:db8::2"), d.media().get(2).connections().get(0));
        assertNull(d.timeZones());
    }

    @Test
    void repeatTimesBandwidthPortCountAndKeysRoundTrip() {
        String text = "v=0\r\no=u 1 1 IN IP4 192.0.2.1\r\ns=x\r\nb=AS:128\r\nt=3034423619 3042462419\r\n"
                + "r=7d 1h 0 25h\r\nt=0 0\r\nz=2882844526 -1h 2898848070 0\r\nk=prompt\r\n"
                + "m=video 49170/2 RTP/AVP 31\r\ni=cam\r\nb=TIAS:64000\r\nk=clear:abc\r\n";
        SessionDescription d = Sdp.parse(text, SdpParseOptions.STRICT);
        assertEquals(2, d.timings().size());
        assertEquals(List.of("7d 1h 0 25h"), d.timings().get(0).repeats());
        assertEquals(3034423619L, d.timings().get(0).start());
        assertEquals(new Bandwidth("AS", 128), d.bandwidths().get(0));
        MediaDescription m = d.media().get(0);
        assertEquals(2, m.portCount());
        assertEquals("cam", m.information());
        assertEquals("clear:abc", m.encryptionKey());
        assertEquals(text, Sdp.write(d));
    }

    @Test
    void portZeroWithoutBundleOnlyIsRejectedButWithBundleOnlyIsNot() {
        SessionDescription gst = Sdp.parse(Samples.read("samples/gstreamer-1.22-webrtcbin-offer-vp8-datachannel.sdp"));
        MediaDescription data = gst.media().get(1);
        assertEquals(0, data.port());
        assertTrue(data.isBundleOnly());
        assertEquals(false, data.isRejected());
        assertTrue(data.withoutAttributes(a -> a.name().equals("bundle-only")).isRejected());
    }

    @Test
    void strictRulesRejectWhatLenientAccepts() {
        String lf = MINIMAL.replace("\r\n", "\n");
        Sdp.parse(lf);
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parse(lf, SdpParseOptions.STRICT));
        assertEquals(1, e.lineNumber());
        assertThrows(SdpParseException.class, () -> Sdp.parse(MINIMAL.replace("t=0 0", "t=0  0"),
                SdpParseOptions.STRICT));
        String outOfOrder = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nc=IN IP4 0.0.0.0\r\n";
        Sdp.parse(outOfOrder);
        assertEquals(5, assertThrows(SdpParseException.class,
                () -> Sdp.parse(outOfOrder, SdpParseOptions.STRICT)).lineNumber());
        String flagWithValue = MINIMAL + "a=rtcp-mux:yes\r\n";
        Sdp.parse(flagWithValue);
        assertThrows(SdpParseException.class, () -> Sdp.parse(flagWithValue, SdpParseOptions.STRICT));
    }
}
