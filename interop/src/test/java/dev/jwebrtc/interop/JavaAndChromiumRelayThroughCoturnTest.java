package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCIceServer;
import dev.jwebrtc.RTCIceTransportPolicy;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCSettings;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** jwebrtc and Chromium, both with iceTransportPolicy "relay", meet through a real coturn on 127.0.0.1. */
class JavaAndChromiumRelayThroughCoturnTest {

    @Test
    void bothSidesRelayOnlyThroughCoturn() throws Exception {
        try (Coturn coturn = Coturn.start();
                PageServer pages = new PageServer();
                Chromium chromium = Chromium.launch();
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(
                        RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build(), 1)) {
            chromium.navigate(pages.url("peer.html"));
            CompletableFuture<Void> gathered = new CompletableFuture<>();
            CompletableFuture<Void> open = new CompletableFuture<>();
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            RTCConfiguration relayOnly = RTCConfiguration.builder()
                    .addIceServer(RTCIceServer.turn(coturn.url(), Coturn.USER, Coturn.PASSWORD))
                    .iceTransportPolicy(RTCIceTransportPolicy.RELAY)
                    .build();
            RTCPeerConnection pc = factory.createPeerConnection(relayOnly, new RTCPeerConnection.Listener() {
                @Override
                public void onIceGatheringStateChange(RTCIceGatheringState state) {
                    if (state == RTCIceGatheringState.COMPLETE) {
                        gathered.complete(null);
                    }
                }
            });
            RTCDataChannel channel = pc.createDataChannel("relayed");
            channel.setListener(new RTCDataChannel.Listener() {
                @Override
                public void onOpen(RTCDataChannel c) {
                    open.complete(null);
                }

                @Override
                public void onMessage(RTCDataChannel c, String text) {
                    messages.add(text);
                }
            });
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            gathered.get(15, TimeUnit.SECONDS);
            String offer = pc.localDescription().sdp();
            assertTrue(offer.contains("typ relay") && !offer.contains("typ host"), "relay candidates only:\n" + offer);

            String browser = (String) chromium.eval("pcCreate({iceServers: [{urls: args[0], username: args[1], "
                    + "credential: args[2]}], iceTransportPolicy: 'relay'})", coturn.url(), Coturn.USER, Coturn.PASSWORD);
            chromium.eval("pcEcho(args[0])", browser);
            chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, offer);
            String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
            assertTrue(answer.contains("typ relay") && !answer.contains("typ host"), "Chromium relays too:\n" + answer);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);

            open.get(30, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'relayed', 15000)", browser);
            channel.send("through the relay");
            assertEquals("echo:through the relay", messages.poll(10, TimeUnit.SECONDS));
            chromium.eval("pcClose(args[0])", browser);
            pc.close();
        }
    }
}
