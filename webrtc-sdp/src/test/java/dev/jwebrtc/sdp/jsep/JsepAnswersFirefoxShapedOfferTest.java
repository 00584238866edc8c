package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Setup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An offer in Firefox's layout (written for this test, not a capture): fingerprint and ice-options at session
 * level, ICE credentials after the codecs, attributes sorted by name, {@code msid-semantic:WMS *}, extmap with a
 * direction, audio rtpmaps with an explicit channel count of 1, and a data section carrying {@code a=sendrecv}.
 */
class JsepAnswersFirefoxShapedOfferTest {
    private static final String OFFER = String.join("\r\n",
            "v=0",
            "o=mozilla...THIS_IS_SDPARTA-99.0 5083004412264556296 0 IN IP4 0.0.0.0",
            "s=-",
            "t=0 0",
            "a=fingerprint:sha-256 0D:2E:AB:44:71:0C:93:1A:6B:BC:83:3D:3C:F7:69:04:D4:60:11:2F:94:55:57:3D:9B:76:47:"
                    + "6B:5C:2F:F1:A4",
            "a=group:BUNDLE 0 1 2",
            "a=ice-options:trickle",
            "a=msid-semantic:WMS *",
            "m=audio 9 UDP/TLS/RTP/SAVPF 109 9 0 8 101",
            "c=IN IP4 0.0.0.0",
            "a=sendrecv",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level",
            "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1",
            "a=fmtp:101 0-15",
            "a=ice-pwd:5bd2e6c8a2f7a2c3d1d9e8f7a6b5c4d3",
            "a=ice-ufrag:9a1f0c3e",
            "a=mid:0",
            "a=msid:{8d5b1a4e-3c2f-4b6a-9e7d-1f0a2b3c4d5e} {a1b2c3d4-e5f6-4a5b-8c9d-0e1f2a3b4c5d}",
            "a=rtcp-mux",
            "a=rtpmap:109 opus/48000/2",
            "a=rtpmap:9 G722/8000/1",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000/1",
            "a=setup:actpass",
            "a=ssrc:3441578281 cname:{0f3e8d2c-7b6a-4c5d-9e1f-2a3b4c5d6e7f}",
            "m=video 9 UDP/TLS/RTP/SAVPF 120 124 121 125 126 127",
            "c=IN IP4 0.0.0.0",
            "a=recvonly",
            "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:7 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=fmtp:126 profile-level-id=42e01f;level-asymmetry-allowed=1;packetization-mode=1",
            "a=fmtp:120 max-fs=12288;max-fr=60",
            "a=fmtp:124 apt=120",
            "a=fmtp:121 max-fs=12288;max-fr=60",
            "a=fmtp:125 apt=121",
            "a=fmtp:127 apt=126",
            "a=ice-pwd:5bd2e6c8a2f7a2c3d1d9e8f7a6b5c4d3",
            "a=ice-ufrag:9a1f0c3e",
            "a=mid:1",
            "a=rtcp-fb:120 nack",
            "a=rtcp-fb:120 nack pli",
            "a=rtcp-fb:120 ccm fir",
            "a=rtcp-fb:120 goog-remb",
            "a=rtcp-fb:120 transport-cc",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:120 VP8/90000",
            "a=rtpmap:124 rtx/90000",
            "a=rtpmap:121 VP9/90000",
            "a=rtpmap:125 rtx/90000",
            "a=rtpmap:126 H264/90000",
            "a=rtpmap:127 rtx/90000",
            "a=setup:actpass",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=sendrecv",
            "a=ice-pwd:5bd2e6c8a2f7a2c3d1d9e8f7a6b5c4d3",
            "a=ice-ufrag:9a1f0c3e",
            "a=mid:2",
            "a=setup:actpass",
            "a=sctp-port:5000",
            "a=max-message-size:1073741823",
            "");

    @Test
    void firefoxLayoutParsesRoundTripsAndIsAnswered() {
        SessionDescription offer = Sdp.parse(OFFER);
        assertEquals(OFFER, Sdp.write(offer));
        JsepResult r = Jsep.createAnswer(offer, Peers.avData("3", Peers.ICE_B, 2), null);
        SessionDescription answer = r.description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        MediaDescription audio = answer.media().get(0);
        assertEquals(List.of("109", "0", "8", "101"), audio.formats(), "G722 is not supported locally");
        assertEquals(List.of(1, 3), audio.all(Extmap.TYPE).stream().map(Extmap::id).toList(),
                "csrc-audio-level is unknown locally");
        MediaDescription video = answer.media().get(1);
        assertEquals(List.of("120", "124", "121", "125", "126", "127"), video.formats());
        assertEquals(Direction.SENDONLY, video.direction(), "Firefox only receives video");
        assertTrue(answer.media().stream().allMatch(m -> m.first(Setup.TYPE).orElseThrow() == Setup.ACTIVE));
        assertEquals("2", r.dataChannelMid());
    }
}
