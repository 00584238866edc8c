package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCSettings;
import io.netty.util.ResourceLeakDetector;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 50 MB from jwebrtc to Chromium, checked by a checksum of every 32-bit word, with Chromium-to-Chromium measured in
 * the same run on the same machine for comparison (the figures are printed; the test asserts integrity only).
 */
class JavaToChromiumBulkTransferTest {

    private static final int TOTAL = 50 * 1024 * 1024;
    private static final int MESSAGE = 64 * 1024;
    private static final int WARM_UP = 8 * 1024 * 1024;

    @Test
    void fiftyMegabytesArriveIntactAndTheRateIsReportedBesideChromiumToChromium() throws Exception {
        // The build runs tests with Netty's paranoid leak detection, which records a stack trace for every buffer
        // touch; on a loaded 2-core machine that Java CPU comes out of Chromium's share and roughly halves the rate
        // (JavaToChromiumThroughputComparisonTest shows it). This speed figure is taken without it; the other
        // interop tests keep it on.
        ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            transfer();
        } finally {
            ResourceLeakDetector.setLevel(leakLevel);
        }
    }

    private static void transfer() throws Exception {
        try (PageServer pages = new PageServer();
                Chromium chromium = Chromium.launch();
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(
                        RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build(), 1)) {
            chromium.navigate(pages.url("peer.html"));
            Map<?, ?> baseline = BrowserToBrowserBulk.run(chromium, TOTAL);

            CompletableFuture<Void> gathered = new CompletableFuture<>();
            CompletableFuture<Void> open = new CompletableFuture<>();
            Object signal = new Object();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
                @Override
                public void onIceGatheringStateChange(RTCIceGatheringState state) {
                    if (state == RTCIceGatheringState.COMPLETE) {
                        gathered.complete(null);
                    }
                }
            });
            RTCDataChannel channel = pc.createDataChannel("bulk");
            channel.setBufferedAmountLowThreshold(256 * 1024);
            channel.setListener(new RTCDataChannel.Listener() {
                @Override
                public void onOpen(RTCDataChannel c) {
                    open.complete(null);
                }

                @Override
                public void onBufferedAmountLow(RTCDataChannel c) {
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
            });
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            gathered.get(10, TimeUnit.SECONDS);
            String browser = (String) chromium.eval("pcCreate({})");
            chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
            String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
            open.get(20, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'bulk', 15000)", browser);

            // Warm-up (not measured): a cold JVM would measure the JIT compiling the send path.
            send(chromium, channel, signal, browser, WARM_UP);
            double seconds = send(chromium, channel, signal, browser, TOTAL);
            System.out.printf(Locale.ROOT, "jwebrtc -> Chromium: %.0f Mbit/s; Chromium -> Chromium (same page): %.0f Mbit/s%n",
                    TOTAL * 8 / seconds / 1e6, ((Number) baseline.get("mbps")).doubleValue());
            pc.close();
        }
    }

    /** Sends {@code total} bytes of numbered words and checks Chromium's checksum; returns the seconds taken. */
    static double send(Chromium chromium, RTCDataChannel channel, Object signal, String browser, int total)
            throws Exception {
        // Attach the page's receive handler before the first byte leaves (the channel is open, so pcReceiveBulk
        // attaches at once); messages that beat it would go to the page's default handler, uncounted.
        chromium.eval("(window.bulkReceived = pcReceiveBulk(args[0], 'bulk', args[1]), true)", browser, total);
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> chromium.eval("window.bulkReceived"));
        ByteBuffer chunk = ByteBuffer.allocate(MESSAGE).order(ByteOrder.LITTLE_ENDIAN);
        long checksum = 0;
        long start = System.nanoTime();
        for (int sent = 0, n = 0; sent < total; sent += MESSAGE, n++) {
            chunk.clear();
            for (int i = 0; i < MESSAGE / 4; i++) {
                int word = n * 16_384 + i;
                chunk.putInt(word);
                checksum += word & 0xffffffffL;
            }
            chunk.flip();
            while (channel.bufferedAmount() > 1024 * 1024) {
                synchronized (signal) {
                    signal.wait(5);
                }
            }
            channel.send(chunk);
        }
        Map<?, ?> received = (Map<?, ?>) result.get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(total, ((Number) received.get("bytes")).intValue());
        assertEquals(checksum & 0xffffffffL, ((Number) received.get("checksum")).longValue(), "every word intact");
        return seconds;
    }
}
