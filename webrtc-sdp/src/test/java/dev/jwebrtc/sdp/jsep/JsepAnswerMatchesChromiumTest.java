package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Samples;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Extmap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Given Chromium's own capabilities (read from its offer) and no local tracks, jwebrtc's answer to Chromium's
 * audio+video+data offer is the answer Chromium itself wrote to that offer, line for line, apart from the
 * per-peer values and two optional lines Chromium adds ({@code a=rtcp:9 IN IP4 0.0.0.0}, RFC 3605, and
 * {@code a=rtcp-xr:rcvr-rtt=all}, RFC 3611).
 */
class JsepAnswerMatchesChromiumTest {
    private static final Pattern PER_PEER = Pattern.compile("^(o=|a=ice-ufrag:|a=ice-pwd:|a=fingerprint:sha-256 ).*$");

    @Test
    void answerToChromiumAudioVideoDataOfferMatchesChromiumsAnswer() {
        SessionDescription offer = Samples.chromium("offer-audio-video-data");
        MediaDescription audio = offer.media().get(0);
        MediaDescription video = offer.media().get(1);
        LocalState likeChromium = Peers.peer("1", Peers.ICE_B, 2)
                .audioCodecs(Jsep.codecsOf(audio)).videoCodecs(Jsep.codecsOf(video))
                .audioExtensions(extensions(audio)).videoExtensions(extensions(video))
                .build();
        String ours = Sdp.write(Jsep.createAnswer(offer, likeChromium, null).description());
        String chromium = Samples.read("samples/chromium156-answer-audio-video-data.sdp");
        assertEquals(normalise(chromium, true), normalise(ours, false));
    }

    private static List<HeaderExtension> extensions(MediaDescription m) {
        return m.all(Extmap.TYPE).stream().map(e -> new HeaderExtension(e.id(), e.uri())).toList();
    }

    private static List<String> normalise(String sdp, boolean dropOptional) {
        return List.of(sdp.split("\r\n")).stream()
                .filter(l -> !dropOptional || !(l.startsWith("a=rtcp:") || l.startsWith("a=rtcp-xr:")))
                .map(l -> PER_PEER.matcher(l).replaceAll("$1*")).toList();
    }
}
