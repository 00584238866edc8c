package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCDataChannelState;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCSessionDescription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing channels and connections from either side, as a browser expects. */
class JavaAndChromiumCloseTest extends ChromiumFixture {


    private static final class Side implements RTCPeerConnection.Listener, RTCDataChannel.Listener {
        final CompletableFuture<Void> gathered = new CompletableFuture<>();
        final Map<String, CompletableFuture<Void>> opened = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Void>> closed = new ConcurrentHashMap<>();
        final BlockingQueue<RTCPeerConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        CompletableFuture<Void> opened(String label) {
            return opened.computeIfAbsent(label, l -> new CompletableFuture<>());
        }

        CompletableFuture<Void> closed(String label) {
            return closed.computeIfAbsent(label, l -> new CompletableFuture<>());
        }

        @Override
        public void onIceGatheringStateChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onConnectionStateChange(RTCPeerConnectionState state) {
            states.add(state);
        }

        @Override
        public void onOpen(RTCDataChannel channel) {
            opened(channel.label()).complete(null);
        }

        @Override
        public void onClose(RTCDataChannel channel) {
            closed(channel.label()).complete(null);
        }

        @Override
        public void onMessage(RTCDataChannel channel, String text) {
            messages.add(text);
        }
    }

    private static String connect(RTCPeerConnection pc, Side side) throws Exception {
        pc.setLocalDescription().get(10, TimeUnit.SECONDS);
        side.gathered.get(10, TimeUnit.SECONDS);
        String browser = (String) chromium.eval("pcCreate({})");
        chromium.eval("pcEcho(args[0])", browser);
        chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
        String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
        pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
        return browser;
    }

    private static List<?> browserEvents(String browser) {
        return (List<?>) ((Map<?, ?>) chromium.eval("pcState(args[0])", browser)).get("events");
    }

    private static void awaitBrowserEvent(String browser, String event) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!browserEvents(browser).contains(event) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(browserEvents(browser).contains(event), "Chromium saw " + event + ": " + browserEvents(browser));
    }

    @Test
    void channelsClosedFromEitherSideCloseOnBothAndNewOnesOpen() throws Exception {
        Side java = new Side();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            RTCDataChannel first = pc.createDataChannel("first");
            first.setListener(java);
            RTCDataChannel second = pc.createDataChannel("second");
            second.setListener(java);
            String browser = connect(pc, java);
            java.opened("first").get(20, TimeUnit.SECONDS);
            java.opened("second").get(20, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'second', 15000)", browser);

            first.close();
            java.closed("first").get(10, TimeUnit.SECONDS);
            awaitBrowserEvent(browser, "close:first");

            chromium.eval("pcCloseChannel(args[0], 'second')", browser);
            java.closed("second").get(10, TimeUnit.SECONDS);
            assertEquals(RTCDataChannelState.CLOSED, second.readyState());

            // A new channel on the same association needs no renegotiation.
            RTCDataChannel third = pc.createDataChannel("third");
            third.setListener(java);
            java.opened("third").get(10, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'third', 15000)", browser);
            third.send("after closing two");
            assertEquals("echo:after closing two", java.messages.poll(10, TimeUnit.SECONDS));
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void whenChromiumOffersAChannelItClosesIsClosedOnTheJavaSideToo() throws Exception {
        Side java = new Side();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
            @Override
            public void onIceGatheringStateChange(dev.jwebrtc.RTCIceGatheringState state) {
                java.onIceGatheringStateChange(state);
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                channel.setListener(java);
            }
        });
        try {
            String browser = (String) chromium.eval("pcCreate({})");
            String offer = (String) chromium.eval(
                    "pcOffer(args[0], {dataChannel: true, label: 'theirs', waitGathering: true})", browser);
            pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            java.gathered.get(10, TimeUnit.SECONDS);
            chromium.eval("pcSetRemote(args[0], 'answer', args[1])", browser, pc.localDescription().sdp());
            java.opened("theirs").get(20, TimeUnit.SECONDS);
            chromium.eval("pcCloseChannel(args[0], 'theirs')", browser);
            java.closed("theirs").get(10, TimeUnit.SECONDS);
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void closingTheJavaPeerClosesChromiumsChannel() throws Exception {
        Side java = new Side();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        RTCDataChannel channel = pc.createDataChannel("bye");
        channel.setListener(java);
        String browser = connect(pc, java);
        java.opened("bye").get(20, TimeUnit.SECONDS);
        chromium.eval("pcWaitOpen(args[0], 'bye', 15000)", browser);
        pc.close();
        awaitBrowserEvent(browser, "close:bye");
        chromium.eval("pcClose(args[0])", browser);
    }

    @Test
    void closingChromiumClosesTheJavaChannelAndConnection() throws Exception {
        Side java = new Side();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            RTCDataChannel channel = pc.createDataChannel("gone");
            channel.setListener(java);
            String browser = connect(pc, java);
            java.opened("gone").get(20, TimeUnit.SECONDS);
            assertEquals(RTCPeerConnectionState.CONNECTING, java.states.poll(10, TimeUnit.SECONDS));
            assertEquals(RTCPeerConnectionState.CONNECTED, java.states.poll(10, TimeUnit.SECONDS));
            chromium.eval("pcClose(args[0])", browser);
            java.closed("gone").get(15, TimeUnit.SECONDS);
            RTCPeerConnectionState after = java.states.poll(40, TimeUnit.SECONDS);
            assertTrue(after == RTCPeerConnectionState.DISCONNECTED || after == RTCPeerConnectionState.FAILED
                    || after == RTCPeerConnectionState.CLOSED, "the Java side noticed: " + after);
        } finally {
            pc.close();
        }
    }
}
