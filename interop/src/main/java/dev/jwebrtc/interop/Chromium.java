package dev.jwebrtc.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Headless Chromium as a WebRTC test peer, driven through chromedriver's W3C WebDriver HTTP API with the JDK's
 * HTTP client (no Selenium). One instance is one browser session with one page.
 *
 * <p>Chromium is started with the flags {@code shared/interop/RECIPE.md} found necessary on this kind of machine:
 * headless, no background networking, fake camera and microphone granted, loopback candidates allowed. Tests
 * run it inside a loopback-only network namespace (see {@code .ci/run}), where 127.0.0.1 is its only address.
 *
 * <p>Binaries: {@code -Djwebrtc.chromedriver} (default {@code /usr/bin/chromedriver}) and
 * {@code -Djwebrtc.chromium} (default {@code /usr/lib/chromium/chromium}).
 */
public final class Chromium implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    /** The flags every session gets. */
    public static final List<String> BASE_FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection", "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding");

    private final Process driver;
    private final HttpClient http;
    private final String session;
    private final String browserVersion;

    private Chromium(Process driver, HttpClient http, String session, String browserVersion) {
        this.driver = driver;
        this.http = http;
        this.session = session;
        this.browserVersion = browserVersion;
    }

    /**
     * Starts chromedriver and a browser session with {@link #BASE_FLAGS} plus {@code extraFlags}.
     *
     * @throws IllegalStateException when Chromium is missing, or when this JVM can see a network interface other
     *     than loopback: browsers send ICE checks to every address they gather, so they run only inside a
     *     loopback-only namespace ({@code ip netns exec ...}, as {@code .ci/run} does)
     */
    public static Chromium launch(String... extraFlags) {
        requireLoopbackOnly();
        String chromedriver = System.getProperty("jwebrtc.chromedriver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("jwebrtc.chromium", "/usr/lib/chromium/chromium");
        if (!new File(chromedriver).canExecute() || !new File(chromium).canExecute()) {
            throw new IllegalStateException("Chromium is not installed (" + chromedriver + ", " + chromium
                    + "): apt-get install -y chromium chromium-driver, as .ci/run does");
        }
        int port = freeLoopbackPort();
        Process process;
        try {
            Path log = Files.createTempFile("chromedriver-", ".log");
            process = new ProcessBuilder(chromedriver, "--port=" + port, "--allowed-ips=127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + chromedriver, e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(http, base, process);
            List<String> flags = new ArrayList<>(BASE_FLAGS);
            flags.addAll(Arrays.asList(extraFlags));
            flags.add("--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
            Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                    "browserName", "chrome",
                    "goog:chromeOptions", Map.of("binary", chromium, "args", flags))));
            Map<?, ?> value = (Map<?, ?>) call(http, "POST", base + "/session", capabilities, Duration.ofSeconds(60));
            String session = (String) value.get("sessionId");
            Map<?, ?> caps = (Map<?, ?>) value.get("capabilities");
            Chromium browser = new Chromium(process, http, base + "/session/" + session,
                    String.valueOf(caps.get("browserVersion")));
            browser.post("/timeouts", Map.of("script", 60_000));
            return browser;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    public String browserVersion() {
        return browserVersion;
    }

    /** Loads a page and waits for it. */
    public void navigate(String url) {
        post("/url", Map.of("url", url));
    }

    /**
     * Evaluates a JavaScript expression (which may be a promise) in the page and returns its settled value as
     * JSON types. {@code args} are visible to the expression as the array {@code args}.
     *
     * @throws IllegalStateException with the page's error when the expression throws or its promise rejects
     */
    public @Nullable Object eval(String expression, Object... args) {
        String script = "const cb = arguments[arguments.length - 1];"
                + "const args = Array.prototype.slice.call(arguments, 0, arguments.length - 1);"
                + "Promise.resolve().then(() => (" + expression + "))"
                + ".then(v => cb({ok: v === undefined ? null : v}), e => cb({error: String(e && e.stack || e)}));";
        Map<?, ?> result = (Map<?, ?>) post("/execute/async", Map.of("script", script, "args", List.of(args)));
        if (result.containsKey("error")) {
            throw new IllegalStateException("in Chromium: " + result.get("error"));
        }
        return result.get("ok");
    }

    /** Ends the session and the driver; idempotent. */
    @Override
    public void close() {
        try {
            call(http, "DELETE", session, null, Duration.ofSeconds(10));
        } catch (IOException | RuntimeException ignored) {
            // The driver is killed below in any case.
        }
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
    }

    private @Nullable Object post(String path, Object body) {
        try {
            return call(http, "POST", session + path, body, Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Object call(HttpClient http, String method, String url, @Nullable Object body,
            Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Object parsed = response.body().isEmpty() ? null : Json.parse(response.body());
        Object value = parsed instanceof Map<?, ?> m ? m.get("value") : null;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + url + " -> " + response.statusCode() + ": "
                    + (value instanceof Map<?, ?> err ? err.get("message") : response.body()));
        }
        return value;
    }

    private static void awaitReady(HttpClient http, String base, Process process) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + process.exitValue());
            }
            try {
                Object value = call(http, "GET", base + "/status", null, Duration.ofSeconds(2));
                if (value instanceof Map<?, ?> status && Boolean.TRUE.equals(status.get("ready"))) {
                    return;
                }
            } catch (IOException | RuntimeException notYet) {
                // Still starting.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IllegalStateException("chromedriver not ready after " + STARTUP);
    }

    /** Whether every network interface this process can see is loopback (a namespace such as {@code .ci/run} makes). */
    public static boolean loopbackOnly() {
        try {
            return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .allMatch(i -> {
                        try {
                            return i.isLoopback() || !i.isUp();
                        } catch (java.net.SocketException e) {
                            return false;
                        }
                    });
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private static void requireLoopbackOnly() {
        if (!loopbackOnly() && !Boolean.getBoolean("jwebrtc.interop.allowHostNetwork")) {
            throw new IllegalStateException("refusing to start Chromium with non-loopback interfaces in reach: run the "
                    + "interop tests in a loopback-only network namespace, e.g. `ip netns add jwebrtc-lo && ip -n "
                    + "jwebrtc-lo link set lo up && ip netns exec jwebrtc-lo mvn -o verify -Pinterop -pl interop -am` "
                    + "(see .ci/run)");
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
