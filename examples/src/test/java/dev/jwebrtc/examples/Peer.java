package dev.jwebrtc.examples;

import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.RTCTrackEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A Java peer for the tests: its events as futures, and WHIP signaling over real HTTP. */
public final class Peer implements RTCPeerConnection.Listener {

    /** Binds to 127.0.0.1 only: nothing leaves the machine. */
    public static final RTCSettings LOOPBACK =
            RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build();

    public final CompletableFuture<Void> gathered = new CompletableFuture<>();
    public final CompletableFuture<Void> connected = new CompletableFuture<>();
    public final BlockingQueue<RTCTrackEvent> tracks = new LinkedBlockingQueue<>();

    @Override
    public void onIceGatheringStateChange(RTCIceGatheringState state) {
        if (state == RTCIceGatheringState.COMPLETE) {
            gathered.complete(null);
        }
    }

    @Override
    public void onConnectionStateChange(RTCPeerConnectionState state) {
        if (state == RTCPeerConnectionState.CONNECTED) {
            connected.complete(null);
        }
    }

    @Override
    public void onTrack(RTCTrackEvent event) {
        tracks.add(event);
    }

    /** Offer/answer between two Java peers, non-trickle. */
    public static void negotiate(RTCPeerConnection offerer, Peer o, RTCPeerConnection answerer, Peer a)
            throws Exception {
        offerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        o.gathered.get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.localDescription()).get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        a.gathered.get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.localDescription()).get(10, TimeUnit.SECONDS);
    }

    /** The answer of a WHIP server and the session it made. */
    public record Answer(String sdp, String location) {}

    /** Offers to a WHIP server at {@code port} on 127.0.0.1 and applies its answer. */
    public Answer whip(RTCPeerConnection pc, int port) throws Exception {
        pc.setLocalDescription().get(10, TimeUnit.SECONDS);
        gathered.get(10, TimeUnit.SECONDS);
        Http.Response r = Http.request("POST", port, "/offer", "application/sdp", pc.localDescription().sdp());
        if (r.status() != 201) {
            throw new AssertionError("WHIP answered " + r.status() + ": " + r.body());
        }
        pc.setRemoteDescription(RTCSessionDescription.answer(r.body())).get(10, TimeUnit.SECONDS);
        return new Answer(r.body(), r.location());
    }

    /** Polls a condition every 10 ms for up to {@code seconds}; whether it came true. */
    public static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Plain HTTP/1.1 requests to 127.0.0.1 (HttpURLConnection: no client threads left behind). */
    public static final class Http {
        private Http() {}

        public record Response(int status, String body, String location) {}

        public static Response request(String method, int port, String path, String type, String body)
                throws IOException {
            HttpURLConnection c = (HttpURLConnection) java.net.URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            try {
                c.setRequestMethod(method);
                c.setConnectTimeout(5000);
                c.setReadTimeout(20000);
                if (body != null) {
                    c.setDoOutput(true);
                    c.setRequestProperty("Content-Type", type);
                    try (OutputStream out = c.getOutputStream()) {
                        out.write(body.getBytes(StandardCharsets.UTF_8));
                    }
                }
                int status = c.getResponseCode();
                InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String location = c.getHeaderField("Location");
                return new Response(status, text, location == null ? "" : location);
            } finally {
                c.disconnect();
            }
        }
    }
}
