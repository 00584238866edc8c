package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interop with an independent DTLS implementation: the {@code openssl} command line on 127.0.0.1, in both roles.
 * Both sides export {@code EXTRACTOR-dtls_srtp} keying material and must agree byte for byte (RFC 5764 §4.2).
 * Skipped when no {@code openssl} binary is on the PATH. Real UDP on loopback only.
 */
class OpensslInteropTest {

    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");
    private static final DtlsCertificate OURS = TestCertificates.EC_A;
    private static final DtlsCertificate THEIRS = TestCertificates.EC_B;

    @TempDir
    Path dir;

    private static boolean opensslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String opensslName(SrtpProfile profile) {
        switch (profile) {
            case AES128_CM_HMAC_SHA1_80:
                return "SRTP_AES128_CM_SHA1_80";
            case AES128_CM_HMAC_SHA1_32:
                return "SRTP_AES128_CM_SHA1_32";
            case AEAD_AES_128_GCM:
                return "SRTP_AEAD_AES_128_GCM";
            default:
                return "SRTP_AEAD_AES_256_GCM";
        }
    }

    /** A running openssl process whose output is collected line by line. */
    private static final class Openssl implements AutoCloseable {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.Semaphore lineAdded = new java.util.concurrent.Semaphore(0);

        Openssl(List<String> command) throws IOException {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        lineAdded.release();
                    }
                } catch (IOException e) {
                    lines.add("read error " + e);
                }
            }, "openssl-output");
            reader.setDaemon(true);
            reader.start();
        }

        String keyingMaterial() {
            synchronized (lines) {
                for (String line : lines) {
                    Matcher m = KEYING_MATERIAL.matcher(line);
                    if (m.find()) {
                        return m.group(1).toLowerCase(Locale.ROOT);
                    }
                }
            }
            return null;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path pem(String name, DtlsCertificate certificate) throws IOException {
        String pem = certificate.toPem();
        int key = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        Path cert = dir.resolve(name + ".crt");
        Files.writeString(cert, pem.substring(0, key));
        Files.writeString(dir.resolve(name + ".key"), pem.substring(key));
        return cert;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Drives our endpoint over a real loopback socket until connected and openssl printed its keying material. */
    private static DtlsEvent.Connected drive(DtlsEndpoint endpoint, DatagramSocket socket,
                                             InetSocketAddress peer, Openssl openssl) throws IOException {
        byte[] buf = new byte[65536];
        DtlsEvent.Connected connected = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        InetSocketAddress remote = peer;
        while (connected == null || openssl.keyingMaterial() == null) {
            if (System.nanoTime() - deadline > 0) {
                fail("no DTLS interop within 20 s; our state " + endpoint.state() + ", openssl said:\n"
                        + String.join("\n", openssl.lines));
            }
            DtlsTransmit t;
            while ((t = endpoint.pollTransmit()) != null && remote != null) {
                byte[] d = t.bytes();
                socket.send(new DatagramPacket(d, d.length, remote));
            }
            DtlsEvent e;
            while ((e = endpoint.pollEvent()) != null) {
                if (e instanceof DtlsEvent.Connected c) {
                    connected = c;
                } else if (e instanceof DtlsEvent.HandshakeFailed f) {
                    fail("handshake failed: " + f + "\nopenssl said:\n" + String.join("\n", openssl.lines));
                }
            }
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                remote = (InetSocketAddress) packet.getSocketAddress();
                endpoint.handleReceive(System.nanoTime(), ByteBuffer.wrap(buf, 0, packet.getLength()));
            } catch (SocketTimeoutException timeout) {
                endpoint.handleTimeout(System.nanoTime());
            }
        }
        return connected;
    }

    private static void assertSameKeys(DtlsSrtpKeys keys, String opensslHex) {
        assertNotNull(keys);
        SrtpProfile p = keys.profile();
        ByteBuffer expected = ByteBuffer.allocate(p.keyingMaterialLength());
        // RFC 5764 §4.2: client key | server key | client salt | server salt
        expected.put(keys.clientKey()).put(keys.serverKey()).put(keys.clientSalt()).put(keys.serverSalt());
        assertEquals(opensslHex, HexFormat.of().formatHex(expected.array()));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void ourClientAgainstOpensslServerExportsTheSameSrtpKeys(SrtpProfile profile) throws Exception {
        assumeTrue(opensslAvailable(), "openssl not installed");
        Path cert = pem("server", THEIRS);
        int port = freeUdpPort();
        List<String> command = List.of("openssl", "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
                "-cert", cert.toString(), "-key", dir.resolve("server.key").toString(), "-Verify", "1",
                "-use_srtp", opensslName(profile), "-keymatexport", "EXTRACTOR-dtls_srtp",
                "-keymatexportlen", Integer.toString(profile.keyingMaterialLength()), "-naccept", "1", "-mtu", "1200");
        DtlsConfig config = DtlsConfig.builder(DtlsRole.CLIENT, OURS).remoteFingerprint(THEIRS.fingerprint()).build();
        try (Openssl server = new Openssl(command);
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DtlsEndpoint client = new DtlsEndpoint(config)) {
            socket.setSoTimeout(10);
            waitForLine(server, "ACCEPT");
            client.start(System.nanoTime());
            DtlsEvent.Connected connected = drive(client, socket,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), server);
            assertEquals(profile, connected.srtpKeys().profile());
            assertSameKeys(connected.srtpKeys(), server.keyingMaterial());
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void opensslClientAgainstOurServerExportsTheSameSrtpKeys(SrtpProfile profile) throws Exception {
        assumeTrue(opensslAvailable(), "openssl not installed");
        Path cert = pem("client", THEIRS);
        DtlsConfig config = DtlsConfig.builder(DtlsRole.SERVER, OURS).remoteFingerprint(THEIRS.fingerprint())
                .srtpProfiles(List.of(profile)).build();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DtlsEndpoint server = new DtlsEndpoint(config)) {
            socket.setSoTimeout(10);
            server.start(System.nanoTime());
            List<String> command = List.of("openssl", "s_client", "-dtls1_2",
                    "-connect", "127.0.0.1:" + socket.getLocalPort(),
                    "-cert", cert.toString(), "-key", dir.resolve("client.key").toString(),
                    "-use_srtp", opensslName(profile), "-keymatexport", "EXTRACTOR-dtls_srtp",
                    "-keymatexportlen", Integer.toString(profile.keyingMaterialLength()), "-mtu", "1200");
            try (Openssl client = new Openssl(command)) {
                DtlsEvent.Connected connected = drive(server, socket, null, client);
                assertEquals(profile, connected.srtpKeys().profile());
                assertEquals(THEIRS.fingerprint(), connected.remoteFingerprint());
                assertSameKeys(connected.srtpKeys(), client.keyingMaterial());
            }
        }
    }

    @Test
    void opensslClientWithTheWrongCertificateIsRejected() throws Exception {
        assumeTrue(opensslAvailable(), "openssl not installed");
        Path cert = pem("stranger", DtlsCertificate.generate());
        DtlsConfig config = DtlsConfig.builder(DtlsRole.SERVER, OURS).remoteFingerprint(THEIRS.fingerprint()).build();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DtlsEndpoint server = new DtlsEndpoint(config)) {
            socket.setSoTimeout(10);
            server.start(System.nanoTime());
            List<String> command = List.of("openssl", "s_client", "-dtls1_2",
                    "-connect", "127.0.0.1:" + socket.getLocalPort(),
                    "-cert", cert.toString(), "-key", dir.resolve("stranger.key").toString(),
                    "-use_srtp", "SRTP_AES128_CM_SHA1_80", "-mtu", "1200");
            try (Openssl client = new Openssl(command)) {
                byte[] buf = new byte[65536];
                InetSocketAddress remote = null;
                DtlsEvent.HandshakeFailed failed = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (failed == null) {
                    if (System.nanoTime() - deadline > 0) {
                        fail("no failure within 20 s; openssl said:\n" + String.join("\n", client.lines));
                    }
                    DtlsTransmit t;
                    while ((t = server.pollTransmit()) != null && remote != null) {
                        socket.send(new DatagramPacket(t.bytes(), t.size(), remote));
                    }
                    DtlsEvent e;
                    while ((e = server.pollEvent()) != null) {
                        if (e instanceof DtlsEvent.HandshakeFailed f) {
                            failed = f;
                        }
                    }
                    DatagramPacket packet = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(packet);
                        remote = (InetSocketAddress) packet.getSocketAddress();
                        server.handleReceive(System.nanoTime(), ByteBuffer.wrap(buf, 0, packet.getLength()));
                    } catch (SocketTimeoutException timeout) {
                        server.handleTimeout(System.nanoTime());
                    }
                }
                assertEquals(DtlsFailure.FINGERPRINT_MISMATCH, failed.reason());
            }
        }
    }

    private static void waitForLine(Openssl openssl, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            synchronized (openssl.lines) {
                if (openssl.lines.stream().anyMatch(l -> l.contains(text))) {
                    return;
                }
            }
            if (!openssl.process.isAlive()) {
                fail("openssl exited: " + String.join("\n", openssl.lines));
            }
            openssl.lineAdded.tryAcquire(50, TimeUnit.MILLISECONDS);
        }
        fail("openssl did not print " + text + ": " + String.join("\n", openssl.lines));
    }
}
