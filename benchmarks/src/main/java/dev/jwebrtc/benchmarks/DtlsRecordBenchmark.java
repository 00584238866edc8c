package dev.jwebrtc.benchmarks;

import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.dtls.DtlsConfig;
import dev.jwebrtc.dtls.DtlsEndpoint;
import dev.jwebrtc.dtls.DtlsEvent;
import dev.jwebrtc.dtls.DtlsRole;
import dev.jwebrtc.dtls.DtlsState;
import dev.jwebrtc.dtls.DtlsTransmit;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Application data through a connected pair of {@link DtlsEndpoint}s (DTLS 1.2, the default suite
 * ECDHE-ECDSA-AES128-GCM-SHA256): each operation is one {@value #MESSAGE}-byte message {@code send} on one side,
 * {@code handleReceive} of the produced datagram on the other and {@code pollEvent} to take the decrypted message.
 * Results are messages per second per direction. The baseline in the same run, {@code rawAesGcmSealOpen}, is one
 * JDK AES-128-GCM seal plus one open of the same size with reused {@code Cipher} instances: the least any DTLS
 * record path has to do per message.
 *
 * <pre>
 * benchmarks/jmh DtlsRecordBenchmark -f 1 -wi 3 -w 2 -i 5 -r 3 -prof 'dev.jwebrtc.benchmarks.SrtpBenchmark$WorkerCpu'
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DtlsRecordBenchmark {

    static final int MESSAGE = 1100;

    /** A connected client/server pair; the handshake runs once per trial, on real threads. */
    @State(Scope.Benchmark)
    public static class Pair {
        DtlsEndpoint client;
        DtlsEndpoint server;
        final ByteBuffer message = ByteBuffer.allocate(MESSAGE);

        @Setup(Level.Trial)
        public void connect() throws InterruptedException {
            DtlsCertificate clientCert = DtlsCertificate.generate();
            DtlsCertificate serverCert = DtlsCertificate.generate();
            Semaphore activity = new Semaphore(0);
            client = new DtlsEndpoint(DtlsConfig.builder(DtlsRole.CLIENT, clientCert)
                    .remoteFingerprint(serverCert.fingerprint()).build(), activity::release);
            server = new DtlsEndpoint(DtlsConfig.builder(DtlsRole.SERVER, serverCert)
                    .remoteFingerprint(clientCert.fingerprint()).build(), activity::release);
            server.start(System.nanoTime());
            client.start(System.nanoTime());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (client.state() != DtlsState.CONNECTED || server.state() != DtlsState.CONNECTED) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("no handshake: " + client.state() + "/" + server.state());
                }
                boolean moved = move(client, server) | move(server, client);
                if (!moved) {
                    activity.tryAcquire(10, TimeUnit.MILLISECONDS);
                }
            }
            move(client, server);
            move(server, client);
            for (int i = 0; i < MESSAGE; i++) {
                message.put(i, (byte) (i * 31 + 7));
            }
        }

        private static boolean move(DtlsEndpoint from, DtlsEndpoint to) {
            boolean moved = false;
            DtlsTransmit t;
            while ((t = from.pollTransmit()) != null) {
                to.handleReceive(System.nanoTime(), t.payload());
                moved = true;
            }
            while (from.pollEvent() != null) {
                moved = true;
            }
            return moved;
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
            server.close();
        }
    }

    static int oneMessage(DtlsEndpoint from, DtlsEndpoint to, ByteBuffer message) {
        long now = System.nanoTime();
        from.send(now, message);
        DtlsTransmit t = from.pollTransmit();
        if (t == null) {
            throw new IllegalStateException("send produced no datagram");
        }
        to.handleReceive(now, t.payload());
        DtlsEvent e = to.pollEvent();
        if (!(e instanceof DtlsEvent.ApplicationData data)) {
            throw new IllegalStateException("expected application data, got " + e);
        }
        return data.data().remaining();
    }

    @Benchmark
    public int clientToServer(Pair p) {
        return oneMessage(p.client, p.server, p.message);
    }

    @Benchmark
    public int serverToClient(Pair p) {
        return oneMessage(p.server, p.client, p.message);
    }

    /** Reused JDK AES-128-GCM ciphers, a 13-byte AAD like a DTLS record's pseudo-header. */
    @State(Scope.Thread)
    public static class Raw {
        Cipher seal;
        Cipher open;
        SecretKeySpec key;
        final byte[] iv = new byte[12];
        final byte[] aad = new byte[13];
        final byte[] plain = new byte[MESSAGE];
        final byte[] sealed = new byte[MESSAGE + 16];
        final byte[] opened = new byte[MESSAGE];
        long counter;

        @Setup(Level.Trial)
        public void init() throws GeneralSecurityException {
            byte[] k = new byte[16];
            for (int i = 0; i < k.length; i++) {
                k[i] = (byte) (i * 13 + 5);
            }
            key = new SecretKeySpec(k, "AES");
            seal = Cipher.getInstance("AES/GCM/NoPadding");
            open = Cipher.getInstance("AES/GCM/NoPadding");
        }
    }

    @Benchmark
    public int rawAesGcmSealOpen(Raw s) throws GeneralSecurityException {
        long c = ++s.counter; // a fresh nonce per record, as DTLS's explicit nonce is
        for (int i = 0; i < 8; i++) {
            s.iv[4 + i] = (byte) (c >>> (56 - 8 * i));
        }
        GCMParameterSpec spec = new GCMParameterSpec(128, s.iv);
        s.seal.init(Cipher.ENCRYPT_MODE, s.key, spec);
        s.seal.updateAAD(s.aad);
        int n = s.seal.doFinal(s.plain, 0, MESSAGE, s.sealed, 0);
        s.open.init(Cipher.DECRYPT_MODE, s.key, spec);
        s.open.updateAAD(s.aad);
        return s.open.doFinal(s.sealed, 0, n, s.opened, 0);
    }
}
