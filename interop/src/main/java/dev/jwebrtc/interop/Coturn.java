package dev.jwebrtc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * coturn (Debian's {@code turnserver}) on 127.0.0.1 for one test: UDP only, long-term credentials for one user,
 * loopback peers allowed (RECIPE.md §6). {@link #close()} stops it.
 */
public final class Coturn implements AutoCloseable {

    public static final String USER = "jwebrtc";
    public static final String PASSWORD = "s3cret";
    public static final String REALM = "jwebrtc.test";

    private final Process process;
    private final Path log;
    private final InetSocketAddress address;

    private Coturn(Process process, Path log, InetSocketAddress address) {
        this.process = process;
        this.log = log;
        this.address = address;
    }

    /** Starts coturn and waits until it answers on its port. */
    public static Coturn start() {
        Path binary = Path.of(System.getProperty("jwebrtc.turnserver", "/usr/bin/turnserver"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("coturn is not installed (" + binary + "): apt-get install -y coturn, "
                    + "as .ci/run does");
        }
        try {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(lo, 0))) {
                port = probe.getLocalPort();
            }
            Path log = Files.createTempFile("coturn-", ".log");
            Process process = new ProcessBuilder(binary.toString(), "-n", "--listening-ip=127.0.0.1",
                    "--listening-port=" + port, "--relay-ip=127.0.0.1", "--lt-cred-mech",
                    "--user=" + USER + ":" + PASSWORD, "--realm=" + REALM, "--no-tls", "--no-dtls",
                    "--allow-loopback-peers", "--no-cli", "--fingerprint", "--min-port=49152", "--max-port=65535",
                    "--log-file=stdout", "--simple-log", "--pidfile=" + log + ".pid")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Coturn coturn = new Coturn(process, log, new InetSocketAddress(lo, port));
            coturn.awaitListening();
            return coturn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start coturn", e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The TURN URL, as RTCIceServer and browsers take it. */
    public String url() {
        return "turn:127.0.0.1:" + address.getPort() + "?transport=udp";
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("coturn exited: " + Files.readString(log));
            }
            if (Files.readString(log).contains("Total General servers")) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        // Older builds log differently: give it a moment and go on; the test fails clearly if it is not there.
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(Path.of(log + ".pid"));
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // Temporary files only.
        }
    }
}
