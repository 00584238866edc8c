package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCSessionDescription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** jwebrtc and headless Chromium connect both ways round and exchange text and binary messages. */
class JavaAndChromiumExchangeDataChannelMessagesTest extends ChromiumFixture {


    @Test
    void javaOffersChromiumAnswersAndEchoes() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            RTCDataChannel channel = pc.createDataChannel("from-java");
            channel.setListener(java);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            java.gathered.get(10, TimeUnit.SECONDS);

            String browser = (String) chromium.eval("pcCreate({})");
            chromium.eval("pcEcho(args[0])", browser);
            assertEquals("have-remote-offer",
                    chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp()));
            String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);

            java.open.get(20, TimeUnit.SECONDS);
            java.connected.get(20, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'from-java', 15000)", browser);

            channel.send("hello Chromium");
            assertEquals("echo:hello Chromium", java.messages.poll(10, TimeUnit.SECONDS));
            channel.send(new byte[16 * 1024]);
            assertEquals(16 * 1024, java.messages.poll(10, TimeUnit.SECONDS), "binary echoed as binary");
            Map<?, ?> state = (Map<?, ?>) chromium.eval("pcState(args[0])", browser);
            assertEquals("connected", state.get("connection"), "Chromium's view: " + state);
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void chromiumOfferingCameraMicrophoneAndDataConnectsWithMediaReceivedOnly() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            String browser = (String) chromium.eval("pcCreate({})");
            String offer = (String) chromium.eval(
                    "pcOffer(args[0], {dataChannel: true, label: 'with-media', media: 'gum', waitGathering: true})",
                    browser);
            assertTrue(offer.contains("m=audio") && offer.contains("m=video"), offer);
            pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            java.gathered.get(10, TimeUnit.SECONDS);
            String answer = pc.localDescription().sdp();
            // W3C: the offer made a recvonly transceiver per media section; with no track to send, we receive only.
            assertTrue(!answer.contains("m=audio 0 ") && !answer.contains("m=video 0 "), "media accepted:\n" + answer);
            assertEquals(2, answer.split("a=recvonly", -1).length - 1, "both media sections recvonly:\n" + answer);
            assertEquals("stable", chromium.eval("pcSetRemote(args[0], 'answer', args[1])", browser, answer));

            RTCDataChannel channel = java.open.get(20, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'with-media', 15000)", browser);
            chromium.eval("pcSend(args[0], 'with-media', 'data beside media')", browser);
            assertEquals("data beside media", java.messages.poll(10, TimeUnit.SECONDS));
            assertEquals("with-media", channel.label());
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void chromiumOffersJavaAnswersAndChromiumReceives() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            String browser = (String) chromium.eval("pcCreate({})");
            String offer = (String) chromium.eval(
                    "pcOffer(args[0], {dataChannel: true, label: 'from-chromium', waitGathering: true})", browser);
            pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            java.gathered.get(10, TimeUnit.SECONDS);
            assertEquals("stable",
                    chromium.eval("pcSetRemote(args[0], 'answer', args[1])", browser, pc.localDescription().sdp()));

            RTCDataChannel channel = java.open.get(20, TimeUnit.SECONDS);
            assertEquals("from-chromium", channel.label());
            chromium.eval("pcWaitOpen(args[0], 'from-chromium', 15000)", browser);
            chromium.eval("pcSend(args[0], 'from-chromium', 'hello Java')", browser);
            assertEquals("hello Java", java.messages.poll(10, TimeUnit.SECONDS));

            channel.send("hello back");
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<?> received;
            do {
                Thread.sleep(20);
                received = (List<?>) ((Map<?, ?>) chromium.eval("pcState(args[0])", browser)).get("received");
            } while (received.size() < 2 && System.nanoTime() < deadline);
            assertTrue(received.toString().contains("hello back"), "Chromium received: " + received);
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }
}
