package dev.jwebrtc.benchmarks;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceCandidate;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSettings;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Setup time as {@code shared/bench} defines it: from just before {@code createOffer} until the data channel is open
 * on both sides, two peer connections in one JVM over UDP on 127.0.0.1 with trickled candidates. Prints the median,
 * minimum and maximum of N runs after a few warm-up runs.
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" dev.jwebrtc.benchmarks.SetupTimeRunner 20</pre>
 */
public final class SetupTimeRunner {

    private SetupTimeRunner() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        RTCSettings loopback = RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build();
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(loopback, 2)) {
            factory.certificate();
            for (int i = 0; i < 5; i++) {
                once(factory);
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                times.add(once(factory));
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "setup, jwebrtc <-> jwebrtc over loopback, %d runs: median %.1f ms "
                    + "[%.1f-%.1f]%n", runs, times.get(runs / 2), times.get(0), times.get(runs - 1));
        }
    }

    /** A connected pair with its data channel open, and how long that took. */
    record Pair(RTCPeerConnection offerer, RTCPeerConnection answerer, double setupMillis) {
        void close() throws Exception {
            offerer.close();
            answerer.close();
            offerer.closeFuture().get(5, TimeUnit.SECONDS);
            answerer.closeFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private static double once(RTCPeerConnectionFactory factory) throws Exception {
        Pair pair = connect(factory);
        pair.close();
        return pair.setupMillis();
    }

    /** One connection: offer, answer, trickled candidates (held until the remote description is set), channel open. */
    static Pair connect(RTCPeerConnectionFactory factory) throws Exception {
        CompletableFuture<Void> openA = new CompletableFuture<>();
        CompletableFuture<Void> openB = new CompletableFuture<>();
        AtomicReference<RTCPeerConnection> a = new AtomicReference<>();
        AtomicReference<RTCPeerConnection> b = new AtomicReference<>();
        CompletableFuture<Void> remoteSetA = new CompletableFuture<>();
        CompletableFuture<Void> remoteSetB = new CompletableFuture<>();
        a.set(factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                remoteSetB.thenRun(() -> b.get().addIceCandidate(candidate));
            }
        }));
        b.set(factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                remoteSetA.thenRun(() -> a.get().addIceCandidate(candidate));
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                openB.complete(null);
            }
        }));
        RTCDataChannel channel = a.get().createDataChannel("bench");
        channel.setListener(new RTCDataChannel.Listener() {
            @Override
            public void onOpen(RTCDataChannel c) {
                openA.complete(null);
            }
        });
        long t0 = System.nanoTime();
        var offer = a.get().createOffer().get(5, TimeUnit.SECONDS);
        a.get().setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        b.get().setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
        remoteSetB.complete(null);
        var answer = b.get().createAnswer().get(5, TimeUnit.SECONDS);
        b.get().setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        a.get().setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
        remoteSetA.complete(null);
        CompletableFuture.allOf(openA, openB).get(30, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Pair(a.get(), b.get(), ms);
    }
}
