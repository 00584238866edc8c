package dev.jwebrtc.benchmarks;

import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The memory of idle connections as {@code shared/bench} (BASELINE.md §5) measures it: one warm-up pair, then N
 * connected, idle pairs with an open data channel in this process (10 set up in parallel), GC forced, and the RSS
 * delta per peer connection; the Java heap delta and the thread count are printed beside it.
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" dev.jwebrtc.benchmarks.IdleMemoryRunner 100</pre>
 */
public final class IdleMemoryRunner {

    private IdleMemoryRunner() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        RTCSettings loopback = RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build();
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(loopback, 2)) {
            factory.certificate();
            SetupTimeRunner.connect(factory).close(); // warm-up: classes, JIT, event loops
            long rssBefore = settle();
            long heapBefore = heapUsed();
            int threadsBefore = procStatus("Threads:");

            List<SetupTimeRunner.Pair> open = new ArrayList<>();
            ExecutorService parallel = Executors.newFixedThreadPool(10, r -> {
                Thread t = new Thread(r, "idle-memory-setup");
                t.setDaemon(true);
                return t;
            });
            long t0 = System.nanoTime();
            try {
                List<CompletableFuture<SetupTimeRunner.Pair>> pending = new ArrayList<>();
                for (int i = 0; i < pairs; i++) {
                    pending.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return SetupTimeRunner.connect(factory);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, parallel));
                }
                for (CompletableFuture<SetupTimeRunner.Pair> p : pending) {
                    open.add(p.join());
                }
            } finally {
                parallel.shutdown();
            }
            double setupSeconds = (System.nanoTime() - t0) / 1e9;
            long rssAfter = settle();
            long heapAfter = heapUsed();
            int threadsAfter = procStatus("Threads:");
            int connections = 2 * pairs;
            System.out.printf(Locale.ROOT, "idle memory, %d connected pairs with an open data channel: RSS %.1f -> "
                    + "%.1f MB, %.0f KB per peer connection; heap %.1f -> %.1f MB, %.0f KB per peer connection; "
                    + "threads %d -> %d; setup of %d pairs (10 in parallel) %.1f s%n", pairs, rssBefore / 1e6,
                    rssAfter / 1e6, (rssAfter - rssBefore) / 1024.0 / connections, heapBefore / 1e6, heapAfter / 1e6,
                    (heapAfter - heapBefore) / 1024.0 / connections, threadsBefore, threadsAfter, pairs,
                    setupSeconds);
            for (SetupTimeRunner.Pair p : open) {
                p.close();
            }
        }
    }

    /** RSS in bytes after a forced GC and a moment to settle. */
    private static long settle() throws InterruptedException, IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return procStatus("VmRSS:") * 1024L;
    }

    /** A number from {@code /proc/self/status} (VmRSS in KiB, Threads). */
    private static int procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + field + " in /proc/self/status");
    }

    private static long heapUsed() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
