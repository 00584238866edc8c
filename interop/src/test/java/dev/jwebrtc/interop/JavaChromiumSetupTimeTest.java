package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCSettings;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Setup time jwebrtc (offering, non-trickle) to Chromium (answering, non-trickle), shared/bench's definition: from just
 * before createOffer until the channel is open on both sides. 20 runs after 3 warm-ups; the median is printed, the
 * test asserts that every run connects.
 */
class JavaChromiumSetupTimeTest {

    @Test
    void twentyConnectionsAndTheirMedianSetupTime() throws Exception {
        try (PageServer pages = new PageServer();
                Chromium chromium = Chromium.launch();
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(
                        RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build(), 1)) {
            chromium.navigate(pages.url("peer.html"));
            factory.certificate();
            for (int i = 0; i < 3; i++) {
                once(factory, chromium);
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                times.add(once(factory, chromium));
            }
            Collections.sort(times);
            assertEquals(20, times.size());
            System.out.printf(Locale.ROOT, "setup jwebrtc -> Chromium (non-trickle), 20 runs: median %.1f ms [%.1f-%.1f]%n",
                    times.get(10), times.get(0), times.get(19));
        }
    }

    private static double once(RTCPeerConnectionFactory factory, Chromium chromium) throws Exception {
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        CompletableFuture<Long> openedAt = new CompletableFuture<>();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
            @Override
            public void onIceGatheringStateChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            }
        });
        try {
            RTCDataChannel channel = pc.createDataChannel("bench");
            channel.setListener(new RTCDataChannel.Listener() {
                @Override
                public void onOpen(RTCDataChannel c) {
                    openedAt.complete(System.currentTimeMillis());
                }
            });
            String browser = (String) chromium.eval("pcCreate({})");
            long t0 = System.currentTimeMillis();
            pc.setLocalDescription(pc.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            gathered.get(10, TimeUnit.SECONDS);
            chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
            String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
            long javaOpen = openedAt.get(20, TimeUnit.SECONDS);
            long browserOpen = ((Number) chromium.eval("pcOpenedAt(args[0], 'bench', 15000)", browser)).longValue();
            chromium.eval("pcClose(args[0])", browser);
            return Math.max(javaOpen, browserOpen) - t0;
        } finally {
            pc.close();
        }
    }
}
