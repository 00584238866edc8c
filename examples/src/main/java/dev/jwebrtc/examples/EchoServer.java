package dev.jwebrtc.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP server with WHIP-style signaling: {@code POST /offer} with an SDP offer ({@code application/sdp}) answers
 * {@code 201 Created} with the complete SDP answer (non-trickle: every candidate included). Every data channel the
 * remote opens is echoed: each message goes back on the same channel with the same type. {@code GET /} serves a
 * page that does this from a browser.
 */
public final class EchoServer {

    private static final int MAX_OFFER_BYTES = 256 * 1024;

    private final RTCPeerConnectionFactory factory;
    private final AtomicLong sessions = new AtomicLong();

    private EchoServer(RTCPeerConnectionFactory factory) {
        this.factory = factory;
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        String bind = "127.0.0.1";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--bind" -> bind = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--port N, --bind ADDRESS)");
            }
        }
        Running running = start(InetAddress.getByName(bind), port);
        System.out.printf(Locale.ROOT, "echo server on http://%s:%d/ (POST /offer for WHIP-style signaling)%n",
                bind, running.port());
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "echo-server-shutdown"));
    }

    /** A running echo server; {@link #close()} stops HTTP and every peer connection. */
    public record Running(HttpServer http, ExecutorService workers, RTCPeerConnectionFactory factory)
            implements AutoCloseable {
        public int port() {
            return http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            workers.shutdownNow();
            factory.close();
        }
    }

    /** Starts an echo server on {@code address}:{@code port} (0: any free port); peers bind to the same address. */
    public static Running start(InetAddress address, int port) throws IOException {
        RTCSettings settings = address.isAnyLocalAddress() ? RTCSettings.DEFAULT
                : RTCSettings.builder().bindAddresses(List.of(address)).build();
        RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(settings);
        factory.certificate();
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 64);
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "echo-server-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        EchoServer server = new EchoServer(factory);
        http.createContext("/", server::handle);
        http.start();
        return new Running(http, workers, factory);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("GET")) {
                page(exchange);
            } else if (path.equals("/offer") && method.equals("POST")) {
                offer(exchange);
            } else if (path.equals("/") || path.equals("/offer")) {
                reply(exchange, 405, "text/plain", "method " + method + " not allowed on " + path + "\n");
            } else {
                reply(exchange, 404, "text/plain", "not found: " + path + "\n");
            }
        } catch (RuntimeException e) {
            // Never a stack trace to the client.
            reply(exchange, 500, "text/plain", "internal error\n");
            System.err.println("echo server: " + e);
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try (InputStream in = EchoServer.class.getResourceAsStream("echo.html")) {
            reply(exchange, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void offer(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/sdp")) {
            reply(exchange, 400, "text/plain", "Content-Type must be application/sdp\n");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_OFFER_BYTES + 1);
        if (body.length > MAX_OFFER_BYTES) {
            reply(exchange, 400, "text/plain", "offer larger than " + MAX_OFFER_BYTES + " bytes\n");
            return;
        }
        String sdp = new String(body, StandardCharsets.UTF_8);
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        long id = sessions.incrementAndGet();
        RTCPeerConnection[] holder = new RTCPeerConnection[1];
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {
            @Override
            public void onIceGatheringStateChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                channel.setListener(ECHO);
            }

            @Override
            public void onConnectionStateChange(RTCPeerConnectionState state) {
                System.out.println("session " + id + ": " + state.name().toLowerCase(Locale.ROOT));
                if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.DISCONNECTED) {
                    holder[0].close();
                }
            }
        });
        holder[0] = pc;
        try {
            pc.setRemoteDescription(RTCSessionDescription.offer(sdp)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            gathered.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            pc.close();
            String reason = e.getCause() instanceof RTCException r ? r.getMessage() : "cannot answer the offer";
            reply(exchange, 400, "text/plain", reason + "\n");
            return;
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            pc.close();
            reply(exchange, 500, "text/plain", "timed out answering the offer\n");
            return;
        }
        exchange.getResponseHeaders().set("Location", "/session/" + id);
        reply(exchange, 201, "application/sdp", pc.localDescription().sdp());
    }

    /** Sends every message back on its channel, with its type. */
    private static final RTCDataChannel.Listener ECHO = new RTCDataChannel.Listener() {
        @Override
        public void onMessage(RTCDataChannel channel, String text) {
            channel.send(text);
        }

        @Override
        public void onMessage(RTCDataChannel channel, ByteBuffer binary) {
            channel.send(binary);
        }
    };

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
