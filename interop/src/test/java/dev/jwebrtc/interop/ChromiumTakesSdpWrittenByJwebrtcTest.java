package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live SDP from Chromium through our parser and writer, and back into Chromium: two browser peer connections
 * negotiate only through SDP text that jwebrtc re-wrote, and must still connect.
 */
class ChromiumTakesSdpWrittenByJwebrtcTest {

    private static PageServer pages;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        pages = new PageServer();
        chromium = Chromium.launch();
        chromium.navigate(pages.url("peer.html"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.close();
        }
    }

    private static String rewrite(String sdp) {
        SessionDescription parsed = Sdp.parse(sdp);
        String written = Sdp.write(parsed);
        assertEquals(sdp, written, "every line of Chromium's SDP survives the round trip, in order");
        assertEquals(parsed, Sdp.parse(written));
        return written;
    }

    private void negotiateThroughJwebrtc(String media) throws InterruptedException {
        String offerer = (String) chromium.eval("pcCreate({bundlePolicy: 'max-bundle'})");
        String answerer = (String) chromium.eval("pcCreate({bundlePolicy: 'max-bundle'})");
        String offer = (String) chromium.eval("pcOffer(args[0], {dataChannel: true, media: args[1], waitGathering: true})",
                offerer, media);
        assertTrue(offer.contains("a=candidate:"), "gathered at least one candidate:\n" + offer);
        assertEquals("have-remote-offer", chromium.eval("pcSetRemote(args[0], 'offer', args[1])", answerer, rewrite(offer)));
        String answer = (String) chromium.eval("pcAnswer(args[0], true)", answerer);
        assertEquals("stable", chromium.eval("pcSetRemote(args[0], 'answer', args[1])", offerer, rewrite(answer)));

        long deadline = System.nanoTime() + 20_000_000_000L;
        Map<?, ?> a;
        Map<?, ?> b;
        do {
            Thread.sleep(50);
            a = (Map<?, ?>) chromium.eval("pcState(args[0])", offerer);
            b = (Map<?, ?>) chromium.eval("pcState(args[0])", answerer);
        } while (System.nanoTime() < deadline && !("connected".equals(a.get("connection"))
                && "connected".equals(b.get("connection"))));
        assertEquals("connected", a.get("connection"), "offerer: " + a);
        assertEquals("connected", b.get("connection"), "answerer: " + b);
    }

    @Test
    void dataChannelOfferAndAnswerRewrittenByUsStillConnect() throws InterruptedException {
        negotiateThroughJwebrtc("none");
    }

    @Test
    void audioVideoAndDataRewrittenByUsStillConnect() throws InterruptedException {
        negotiateThroughJwebrtc("gum");
    }
}
