package dev.jwebrtc.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCIceCandidate;
import dev.jwebrtc.RTCIceConnectionState;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.RTCSignalingState;
import dev.jwebrtc.RTCTrackEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The HTTP side every server example shares: WHIP-style signaling (draft-ietf-wish-whip) on the JDK's
 * {@code HttpServer}. {@code POST /offer} with an SDP offer ({@code application/sdp}) creates a peer connection,
 * lets the example's {@link Session} prepare it (add tracks, set codec preferences) once the offer is applied, and
 * answers {@code 201 Created} with the complete SDP answer (non-trickle: every candidate included) and a
 * {@code Location: /session/N}; {@code DELETE /session/N} ends that session. {@code GET /} serves the example's page.
 * Bad requests get {@code 400} with the reason, never a stack trace.
 *
 * <p>A session ends when its connection fails, disconnects or closes, on {@code DELETE}, or when the server closes;
 * its {@link Session#onClose()} is then called once.
 */
public final class WhipServer implements AutoCloseable {

    /** What an example does with one connection: its events, plus two hooks. */
    public interface Session extends RTCPeerConnection.Listener {
        /**
         * The offer is applied and the transceivers exist ({@code getTransceivers()}, each with its receiver's
         * track); the answer is created after this returns, so tracks added here are in it. Runs on an HTTP worker.
         */
        default void beforeAnswer(RTCPeerConnection connection) {}

        /** The session ended (the connection is closed or closing). Called once, from any thread. */
        default void onClose() {}
    }

    private static final int MAX_OFFER_BYTES = 256 * 1024;
    private static final long TIMEOUT_SECONDS = 10;

    private final String name;
    private final String page;
    private final LongFunction<Session> sessions;
    private final RTCPeerConnectionFactory factory;
    private final HttpServer http;
    private final ExecutorService workers;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Live(RTCPeerConnection connection, Session session, AtomicBoolean ended) {}

    private WhipServer(String name, String page, LongFunction<Session> sessions, RTCPeerConnectionFactory factory,
            HttpServer http, ExecutorService workers) {
        this.name = name;
        this.page = page;
        this.sessions = sessions;
        this.factory = factory;
        this.http = http;
        this.workers = workers;
    }

    /**
     * Starts a server on {@code address}:{@code port} (0: any free port); peer connections bind to the same address
     * (all interfaces for a wildcard address).
     *
     * @param name the example's name, for thread names and console lines
     * @param pageResource the page served at {@code /}, a resource next to this class
     * @param sessions makes the session for each offer, given its number
     */
    public static WhipServer start(String name, InetAddress address, int port, String pageResource,
            LongFunction<Session> sessions) throws IOException {
        Objects.requireNonNull(sessions, "sessions");
        String page;
        try (InputStream in = WhipServer.class.getResourceAsStream(pageResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no page resource " + pageResource);
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RTCSettings settings = address.isAnyLocalAddress() ? RTCSettings.DEFAULT
                : RTCSettings.builder().bindAddresses(List.of(address)).build();
        RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(settings);
        HttpServer http;
        try {
            factory.certificate();
            http = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException | RuntimeException e) {
            factory.close();
            throw e;
        }
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, name + "-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        WhipServer server = new WhipServer(name, page, sessions, factory, http, workers);
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** The HTTP port. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The factory the sessions' peer connections come from. */
    public RTCPeerConnectionFactory factory() {
        return factory;
    }

    /** Sessions not ended yet. */
    public int liveSessions() {
        return live.size();
    }

    /** The peer connection of a live session, by the number in its {@code Location: /session/N}. */
    public java.util.Optional<RTCPeerConnection> connection(long session) {
        Live l = live.get(session);
        return l == null ? java.util.Optional.empty() : java.util.Optional.of(l.connection());
    }

    /** The peer connections of the live sessions (for their state and {@code getStats()}). */
    public List<RTCPeerConnection> connections() {
        return live.values().stream().map(Live::connection).toList();
    }

    /** Stops HTTP, ends every session and closes the factory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        workers.shutdownNow();
        for (Long id : List.copyOf(live.keySet())) {
            end(id);
        }
        factory.close();
    }

    /** Ends a session: closes its connection and calls {@link Session#onClose()} once. */
    private void end(long id) {
        Live l = live.remove(id);
        if (l != null && l.ended().compareAndSet(false, true)) {
            l.connection().close();
            try {
                l.session().onClose();
            } catch (RuntimeException e) {
                System.err.println(name + ": session " + id + " close failed: " + e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("GET")) {
                reply(exchange, 200, "text/html; charset=utf-8", page);
            } else if (path.equals("/offer") && method.equals("POST")) {
                offer(exchange);
            } else if (path.startsWith("/session/") && method.equals("DELETE")) {
                delete(exchange, path.substring("/session/".length()));
            } else if (path.equals("/") || path.equals("/offer") || path.startsWith("/session/")) {
                reply(exchange, 405, "text/plain", "method " + method + " not allowed on " + path + "\n");
            } else {
                reply(exchange, 404, "text/plain", "not found: " + path + "\n");
            }
        } catch (RuntimeException e) {
            // Never a stack trace to the client.
            reply(exchange, 500, "text/plain", "internal error\n");
            System.err.println(name + ": " + e);
        }
    }

    private void delete(HttpExchange exchange, String idText) throws IOException {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            reply(exchange, 404, "text/plain", "no session " + idText + "\n");
            return;
        }
        if (!live.containsKey(id)) {
            reply(exchange, 404, "text/plain", "no session " + id + "\n");
            return;
        }
        end(id);
        reply(exchange, 200, "text/plain", "session " + id + " ended\n");
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
        long id = ids.incrementAndGet();
        Session session = sessions.apply(id);
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT,
                new Events(id, session, gathered));
        Live entry = new Live(pc, session, new AtomicBoolean());
        live.put(id, entry);
        if (closed) {
            end(id);
            reply(exchange, 503, "text/plain", "the server is stopping\n");
            return;
        }
        try {
            pc.setRemoteDescription(RTCSessionDescription.offer(sdp)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            session.beforeAnswer(pc);
            pc.setLocalDescription().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            gathered.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            end(id);
            String reason = e.getCause() instanceof RTCException r ? r.getMessage() : "cannot answer the offer";
            reply(exchange, 400, "text/plain", reason + "\n");
            return;
        } catch (RTCException e) {
            end(id);
            reply(exchange, 400, "text/plain", e.getMessage() + "\n");
            return;
        } catch (TimeoutException | InterruptedException e) {
            end(id);
            reply(exchange, 500, "text/plain", "timed out answering the offer\n");
            return;
        } catch (RuntimeException e) {
            end(id);
            throw e;
        }
        RTCSessionDescription answer = pc.localDescription();
        if (answer == null) {
            end(id);
            reply(exchange, 500, "text/plain", "no answer\n");
            return;
        }
        exchange.getResponseHeaders().set("Location", "/session/" + id);
        reply(exchange, 201, "application/sdp", answer.sdp());
    }

    /** Forwards a connection's events to its session, and ends the session when the connection goes down. */
    private final class Events implements RTCPeerConnection.Listener {
        private final long id;
        private final Session session;
        private final CompletableFuture<Void> gathered;

        Events(long id, Session session, CompletableFuture<Void> gathered) {
            this.id = id;
            this.session = session;
            this.gathered = gathered;
        }

        @Override
        public void onIceGatheringStateChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
            session.onIceGatheringStateChange(state);
        }

        @Override
        public void onConnectionStateChange(RTCPeerConnectionState state) {
            System.out.println(name + ": session " + id + " " + state.name().toLowerCase(Locale.ROOT));
            session.onConnectionStateChange(state);
            if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.DISCONNECTED
                    || state == RTCPeerConnectionState.CLOSED) {
                end(id);
            }
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            session.onIceCandidate(candidate);
        }

        @Override
        public void onIceConnectionStateChange(RTCIceConnectionState state) {
            session.onIceConnectionStateChange(state);
        }

        @Override
        public void onSignalingStateChange(RTCSignalingState state) {
            session.onSignalingStateChange(state);
        }

        @Override
        public void onNegotiationNeeded() {
            session.onNegotiationNeeded();
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            session.onDataChannel(channel);
        }

        @Override
        public void onTrack(RTCTrackEvent event) {
            session.onTrack(event);
        }

        @Override
        public void onBandwidthEstimate(long bitsPerSecond) {
            session.onBandwidthEstimate(bitsPerSecond);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
