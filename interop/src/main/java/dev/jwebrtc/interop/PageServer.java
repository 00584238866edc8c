package dev.jwebrtc.interop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the interop pages (class path resources under {@code dev/jwebrtc/interop/}) on 127.0.0.1 at a free port,
 * for the browser under test to load. Loopback only.
 */
public final class PageServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    public PageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jwebrtc-interop-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
            byte[] body = null;
            if (name.matches("[a-z0-9-]+\\.(html|js)")) {
                try (InputStream in = PageServer.class.getResourceAsStream(name)) {
                    body = in == null ? null : in.readAllBytes();
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type",
                        name.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** The URL of a page, such as {@code http://127.0.0.1:41234/peer.html}. */
    public String url(String page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + page;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
