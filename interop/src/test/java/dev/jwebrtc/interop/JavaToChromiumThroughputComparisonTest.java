package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCSessionDescription;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Throughput of jwebrtc to Chromium next to Chromium to Chromium, alternating the two several times in one Chromium so
 * that the load of a shared machine hits both alike; prints every pair, the ratio of each pair and the medians, and the
 * kernel's UDP receive-buffer drops during each transfer (Chromium's socket buffer is 128 KiB; the JVM runs in the same
 * network namespace, so {@code /proc/net/snmp} counts exactly this test's traffic). Opt-in, since it takes a while:
 * {@code -Djwebrtc.interop.throughputRuns=5} (runs) and {@code -Djwebrtc.interop.throughputMegabytes=30} (size).
 */
class JavaToChromiumThroughputComparisonTest extends ChromiumFixture {

    private static final int MESSAGE = 64 * 1024;


    @Test
    void javaToChromiumKeepsUpWithChromiumToChromium() throws Exception {
        int runs = Integer.getInteger("jwebrtc.interop.throughputRuns", 0);
        assumeTrue(runs > 0, "opt-in: -Djwebrtc.interop.throughputRuns=N");
        int total = Integer.getInteger("jwebrtc.interop.throughputMegabytes", 30) * 1024 * 1024;
        // The build runs tests with Netty's paranoid leak detection, which records a stack trace for every buffer
        // touch: on a loaded 2-core box that Java CPU comes out of Chromium's share and halves the figure. A speed
        // measurement runs without it (the other interop tests keep it on).
        ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            chromium.navigate(pages.url("peer.html"));
            javaToChromium(total / 3 / MESSAGE * MESSAGE); // warm-up: the JIT compiles the send path, which a cold first run measures
            compare(runs, total);
        } finally {
            ResourceLeakDetector.setLevel(leakLevel);
        }
    }

    private static void compare(int runs, int total) throws Exception {
        List<Double> ratios = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        List<Double> browser = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            chromium.navigate(pages.url("peer.html")); // a fresh page: no connection of an earlier run is left
            long drops0 = udpReceiveBufferErrors();
            long[] cpu0 = cpuTicks();
            Map<?, ?> baseline = BrowserToBrowserBulk.run(chromium, total);
            double chromiumMbps = ((Number) baseline.get("mbps")).doubleValue();
            long drops1 = udpReceiveBufferErrors();
            long[] cpu1 = cpuTicks();
            double javaMbps = javaToChromium(total);
            long drops2 = udpReceiveBufferErrors();
            long[] cpu2 = cpuTicks();
            System.out.printf(Locale.ROOT, "run %d CPU (1/100 s): Chromium -> Chromium phase: JVM %d, Chromium %d, "
                    + "machine busy %d of %d; jwebrtc -> Chromium phase: JVM %d, Chromium %d, machine busy %d of %d%n",
                    run, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], cpu1[2] - cpu0[2], cpu1[3] - cpu0[3],
                    cpu2[0] - cpu1[0], cpu2[1] - cpu1[1], cpu2[2] - cpu1[2], cpu2[3] - cpu1[3]);
            java.add(javaMbps);
            browser.add(chromiumMbps);
            ratios.add(javaMbps / chromiumMbps);
            System.out.printf(Locale.ROOT, "run %d: jwebrtc -> Chromium %.0f Mbit/s (%d UDP receive-buffer drops); "
                    + "Chromium -> Chromium %.0f Mbit/s (%d drops); ratio %.2f%n", run, javaMbps, drops2 - drops1,
                    chromiumMbps, drops1 - drops0, javaMbps / chromiumMbps);
        }
        System.out.printf(Locale.ROOT, "median of %d runs of %d MB: jwebrtc -> Chromium %.0f Mbit/s, Chromium -> Chromium "
                + "%.0f Mbit/s, ratio %.2f%n", runs, total >> 20, median(java), median(browser), median(ratios));
    }

    private static double javaToChromium(int total) throws Exception {
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
        try {
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
            String browserPeer = (String) chromium.eval("pcCreate({})");
            chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browserPeer, pc.localDescription().sdp());
            String answer = (String) chromium.eval("pcAnswer(args[0], true)", browserPeer);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
            open.get(20, TimeUnit.SECONDS);
            chromium.eval("pcWaitOpen(args[0], 'bulk', 15000)", browserPeer);
            // The same sender, flow control and checksum as the single-shot bulk test.
            double seconds = JavaToChromiumBulkTransferTest.send(chromium, channel, signal, browserPeer, total);
            chromium.eval("pcClose(args[0])", browserPeer);
            return total * 8 / seconds / 1e6;
        } finally {
            pc.close();
        }
    }

    /**
     * CPU ticks (USER_HZ, normally 1/100 s) of this JVM, of all Chromium processes, of the whole machine busy, and of
     * the whole machine in total (busy + idle); zeros where /proc is not readable.
     */
    private static long[] cpuTicks() {
        long[] out = new long[4];
        try (var dirs = Files.list(Path.of("/proc"))) {
            long self = ProcessHandle.current().pid();
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (Long.parseLong(name) == self) {
                        out[0] += ticks;
                    } else if (stat.contains("(chromium)") || stat.contains("(chrome)")) {
                        out[1] += ticks;
                    }
                } catch (IOException | RuntimeException e) {
                    // a process that ended meanwhile
                }
            }
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < all.length; i++) {
                long v = Long.parseLong(all[i]);
                out[3] += v;
                if (i != 4 && i != 5) {
                    out[2] += v; // all but idle and iowait
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
        return out;
    }

    /** UdpRcvbufErrors of this network namespace (0 where /proc/net/snmp is not readable). */
    private static long udpReceiveBufferErrors() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    List<String> names = List.of(lines.get(i).split("\\s+"));
                    String[] values = lines.get(i + 1).split("\\s+");
                    int index = names.indexOf("RcvbufErrors");
                    return index < 0 ? 0 : Long.parseLong(values[index]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
