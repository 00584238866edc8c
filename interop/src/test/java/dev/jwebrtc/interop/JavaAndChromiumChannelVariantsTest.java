package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCSessionDescription;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Data channel kinds, message sizes and many channels between jwebrtc (offering) and an echoing Chromium. */
class JavaAndChromiumChannelVariantsTest extends ChromiumFixture {


    /** Echoed messages per channel label, and open channels. */
    private static final class Echoes implements RTCPeerConnection.Listener, RTCDataChannel.Listener {
        final CompletableFuture<Void> gathered = new CompletableFuture<>();
        final Map<String, BlockingQueue<Object>> byLabel = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Void>> open = new ConcurrentHashMap<>();

        BlockingQueue<Object> inbox(String label) {
            return byLabel.computeIfAbsent(label, l -> new LinkedBlockingQueue<>());
        }

        CompletableFuture<Void> opened(String label) {
            return open.computeIfAbsent(label, l -> new CompletableFuture<>());
        }

        @Override
        public void onIceGatheringStateChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onOpen(RTCDataChannel channel) {
            opened(channel.label()).complete(null);
        }

        @Override
        public void onMessage(RTCDataChannel channel, String text) {
            inbox(channel.label()).add(text);
        }

        @Override
        public void onMessage(RTCDataChannel channel, ByteBuffer binary) {
            inbox(channel.label()).add(binary.remaining());
        }
    }

    /** Java offers with the given channels already created; Chromium answers and echoes everything. */
    private static String connect(RTCPeerConnection pc, Echoes echoes, List<String> browserNegotiated) throws Exception {
        pc.setLocalDescription().get(10, TimeUnit.SECONDS);
        echoes.gathered.get(10, TimeUnit.SECONDS);
        String browser = (String) chromium.eval("pcCreate({})");
        chromium.eval("pcEcho(args[0])", browser);
        for (String spec : browserNegotiated) {
            String[] parts = spec.split(":");
            chromium.eval("pcChannel(args[0], args[1], {negotiated: true, id: " + Integer.parseInt(parts[1]) + "})",
                    browser, parts[0]);
        }
        chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
        String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
        pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
        return browser;
    }

    @Test
    void unorderedPartiallyReliableAndPreNegotiatedChannelsCarryMessages() throws Exception {
        Echoes echoes = new Echoes();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, echoes);
        try {
            Map<String, RTCDataChannelInit> kinds = Map.of(
                    "unordered", RTCDataChannelInit.builder().ordered(false).build(),
                    "no-retransmits", RTCDataChannelInit.builder().maxRetransmits(0).build(),
                    "lifetime", RTCDataChannelInit.builder().maxPacketLifeTime(500).build(),
                    "pre", RTCDataChannelInit.builder().negotiated(7).build());
            List<RTCDataChannel> channels = new ArrayList<>();
            for (Map.Entry<String, RTCDataChannelInit> kind : kinds.entrySet()) {
                RTCDataChannel channel = pc.createDataChannel(kind.getKey(), kind.getValue());
                channel.setListener(echoes);
                channels.add(channel);
            }
            String browser = connect(pc, echoes, List.of("pre:7"));
            for (RTCDataChannel channel : channels) {
                echoes.opened(channel.label()).get(20, TimeUnit.SECONDS);
                chromium.eval("pcWaitOpen(args[0], args[1], 15000)", browser, channel.label());
            }
            for (RTCDataChannel channel : channels) {
                channel.send("hello " + channel.label());
            }
            for (RTCDataChannel channel : channels) {
                assertEquals("echo:hello " + channel.label(),
                        echoes.inbox(channel.label()).poll(10, TimeUnit.SECONDS), channel.label());
            }
            assertEquals(7, channels.stream().filter(c -> c.label().equals("pre")).findFirst().orElseThrow().id());
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void chromiumOffersEveryChannelKindAndJavaEchoesThem() throws Exception {
        Echoes echoes = new Echoes();
        RTCDataChannel.Listener echo = new RTCDataChannel.Listener() {
            @Override
            public void onMessage(RTCDataChannel channel, String text) {
                channel.send("java:" + text);
            }
        };
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
            @Override
            public void onIceGatheringStateChange(RTCIceGatheringState state) {
                echoes.onIceGatheringStateChange(state);
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                channel.setListener(echo);
            }
        });
        try {
            RTCDataChannel pre = pc.createDataChannel("pre", RTCDataChannelInit.builder().negotiated(7).build());
            pre.setListener(echo);
            String browser = (String) chromium.eval("pcCreate({})");
            chromium.eval("pcChannel(args[0], 'unordered', {ordered: false})", browser);
            chromium.eval("pcChannel(args[0], 'no-retransmits', {maxRetransmits: 0})", browser);
            chromium.eval("pcChannel(args[0], 'lifetime', {maxPacketLifeTime: 500})", browser);
            chromium.eval("pcChannel(args[0], 'pre', {negotiated: true, id: 7})", browser);
            String offer = (String) chromium.eval("pcOffer(args[0], {waitGathering: true})", browser);
            pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            echoes.gathered.get(10, TimeUnit.SECONDS);
            chromium.eval("pcSetRemote(args[0], 'answer', args[1])", browser, pc.localDescription().sdp());
            List<String> labels = List.of("unordered", "no-retransmits", "lifetime", "pre");
            for (String label : labels) {
                chromium.eval("pcWaitOpen(args[0], args[1], 15000)", browser, label);
                chromium.eval("pcSend(args[0], args[1], 'hi ' + args[1])", browser, label);
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            List<?> received;
            do {
                Thread.sleep(20);
                received = (List<?>) ((Map<?, ?>) chromium.eval("pcState(args[0])", browser)).get("received");
            } while (received.size() < labels.size() && System.nanoTime() < deadline);
            for (String label : labels) {
                assertTrue(received.toString().contains("java:hi " + label), label + " echoed: " + received);
            }
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void messagesOfOneByteUpToTheMaximumMessageSizeRoundTrip() throws Exception {
        Echoes echoes = new Echoes();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, echoes);
        try {
            RTCDataChannel channel = pc.createDataChannel("sizes");
            channel.setListener(echoes);
            String browser = connect(pc, echoes, List.of());
            echoes.opened("sizes").get(20, TimeUnit.SECONDS);
            for (int size : new int[] {1, 16 * 1024, 64 * 1024, 256 * 1024}) {
                channel.send(new byte[size]);
                assertEquals(size, echoes.inbox("sizes").poll(20, TimeUnit.SECONDS), size + " bytes echoed");
            }
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void sixtyFourChannelsOpenAtOnce() throws Exception {
        Echoes echoes = new Echoes();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, echoes);
        try {
            List<RTCDataChannel> channels = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                RTCDataChannel channel = pc.createDataChannel("ch" + i);
                channel.setListener(echoes);
                channels.add(channel);
            }
            String browser = connect(pc, echoes, List.of());
            for (RTCDataChannel channel : channels) {
                echoes.opened(channel.label()).get(20, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (((Number) chromium.eval("pcOpenCount(args[0])", browser)).intValue() < 64
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(64, ((Number) chromium.eval("pcOpenCount(args[0])", browser)).intValue());
            for (RTCDataChannel channel : channels) {
                channel.send(channel.label());
            }
            for (RTCDataChannel channel : channels) {
                assertEquals("echo:" + channel.label(), echoes.inbox(channel.label()).poll(10, TimeUnit.SECONDS));
            }
            assertTrue(channels.stream().map(RTCDataChannel::id).distinct().count() == 64, "distinct stream ids");
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }
}
