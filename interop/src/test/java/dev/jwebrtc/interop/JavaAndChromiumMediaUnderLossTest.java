package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCRtpTransceiver;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCStats;
import dev.jwebrtc.RTCStatsReport;
import dev.jwebrtc.examples.EchoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * NACK and RTX against Chromium with packet loss between the peers (a lossy UDP relay in the harness: this kernel has
 * no netem): Chromium's video comes to Java, which asks for the lost packets; Java reflects it back and answers
 * Chromium's NACKs with RTX.
 */
class JavaAndChromiumMediaUnderLossTest extends ChromiumFixture {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chromiumVideo(String browser, String direction) {
        Map<String, Object> all = (Map<String, Object>) chromium.eval("pcRtpStats(args[0])", browser);
        return ((List<Map<String, Object>>) all.get(direction)).stream().filter(s -> s.get("kind").equals("video"))
                .findFirst().orElse(Map.of());
    }

    private static long number(Map<String, Object> stats, String field) {
        Object v = stats.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void lostPacketsAreNackedAndResentInBothDirections() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        LossyRelay relay = new LossyRelay(pc.localSockets().get(0), 20261125L);
        try {
            String browser = (String) chromium.eval("pcCreate({})");
            chromium.eval("pcMedia(args[0], {video: true, videoCodec: 'VP8'})", browser);
            String offer = (String) chromium.eval("pcOffer(args[0], {waitGathering: true})", browser);
            // Java learns Chromium's address only from checks that came through the relay (peer-reflexive).
            offer = offer.replaceAll("a=candidate:[^\\r\\n]*\\r\\n", "").replace("a=end-of-candidates\r\n", "");
            pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(10, TimeUnit.SECONDS);
            RTCRtpTransceiver t = pc.getTransceivers().get(0);
            EchoServer.Reflection.attach(1, pc, t, "reflect"); // the echo-server example's reflection
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            java.gathered.get(10, TimeUnit.SECONDS);
            // Chromium reaches Java only through the relay.
            String answer = pc.localDescription().sdp().replace(" " + pc.localSockets().get(0).getPort() + " typ host",
                    " " + relay.frontPort() + " typ host");
            chromium.eval("pcSetRemote(args[0], 'answer', args[1])", browser, answer);
            java.connected.get(20, TimeUnit.SECONDS);
            relay.setLoss(0.03);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<String, Object> chromiumIn = Map.of();
            Map<String, Object> chromiumOut = Map.of();
            RTCStats.OutboundRtp ours = null;
            RTCStats.InboundRtp theirs = null;
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                chromiumIn = chromiumVideo(browser, "inbound");
                chromiumOut = chromiumVideo(browser, "outbound");
                RTCStatsReport stats = pc.getStats().get(10, TimeUnit.SECONDS);
                ours = stats.ofType(RTCStats.OutboundRtp.class).get(0);
                theirs = stats.ofType(RTCStats.InboundRtp.class).get(0);
                if (number(chromiumOut, "retransmittedPacketsSent") > 5 && ours.retransmittedPacketsSent() > 5
                        && number(chromiumIn, "framesDecoded") > 60) {
                    break;
                }
            }
            relay.setLoss(0);
            assertTrue(relay.dropped() >= 5, "the relay dropped packets: " + relay.dropped());
            // Java -> Chromium: our NACKs made Chromium resend (RTX), and Chromium's NACKs made us resend.
            assertTrue(theirs != null && theirs.nackCount() > 0, "Java sent NACKs: " + theirs);
            assertTrue(number(chromiumOut, "nackCount") > 0, "Chromium got our NACKs: " + chromiumOut);
            assertTrue(number(chromiumOut, "retransmittedPacketsSent") > 0, "Chromium resent: " + chromiumOut);
            assertTrue(number(chromiumIn, "nackCount") > 0, "Chromium asked us for lost packets: " + chromiumIn);
            assertTrue(ours != null && ours.nackCount() > 0 && ours.retransmittedPacketsSent() > 0,
                    "we answered Chromium's NACKs with RTX: " + ours);
            assertTrue(number(chromiumIn, "framesDecoded") > 60, "the reflected video plays: " + chromiumIn);
            System.out.println("[loss 3%, relay dropped " + relay.dropped() + " of " + (relay.dropped()
                    + relay.forwarded()) + "] Java inbound " + theirs + "\n  Java outbound " + ours
                    + "\n  Chromium inbound " + chromiumIn + "\n  Chromium outbound " + chromiumOut);
            assertEquals("video/VP8", chromiumIn.get("codec"));
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
            relay.close();
        }
    }
}
