package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.dtls.internal.HandshakeThreads;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad network input is dropped and counted, never thrown, before, during and after the handshake. */
class DtlsIgnoresGarbageTest {

    private static final DtlsCertificate A = TestCertificates.EC_A;
    private static final DtlsCertificate B = TestCertificates.EC_B;

    /** Not DTLS at all: a STUN binding request, an RTP header, random bytes, an empty datagram. */
    private static List<byte[]> nonDtls(Random random) {
        List<byte[]> out = new ArrayList<>();
        out.add(HexFormat.of().parseHex("000100002112a442b7e7a701bc34d686fa87dfae"));
        out.add(HexFormat.of().parseHex("80e0000100000001deadbeef0102030405"));
        byte[] noise = new byte[1 + random.nextInt(1500)];
        random.nextBytes(noise);
        noise[0] = (byte) (100 + random.nextInt(100)); // outside the DTLS content-type range
        out.add(noise);
        out.add(new byte[0]);
        return out;
    }

    /** Framed like DTLS but broken: truncated header, length past the end, wrong version byte. */
    private static List<byte[]> brokenRecords() {
        return List.of(
                HexFormat.of().parseHex("16fefd000000"),
                HexFormat.of().parseHex("16fefd0000000000000000ffff0102"),
                HexFormat.of().parseHex("1603030000000000000000000101"));
    }

    /** Well framed, but forged: an epoch-1 application record and an alert with random "ciphertext". */
    private static List<byte[]> forgedRecords(Random random) {
        byte[] app = new byte[13 + 40];
        byte[] header = HexFormat.of().parseHex("17fefd00010000000000ff0028");
        System.arraycopy(header, 0, app, 0, header.length);
        byte[] body = new byte[40];
        random.nextBytes(body);
        System.arraycopy(body, 0, app, 13, 40);
        byte[] alert = app.clone();
        alert[0] = 21;
        return List.of(app, alert);
    }

    @Test
    void serverIgnoresEverythingButAClientHelloBeforeTheHandshake(TestSeed seed) {
        Random random = new Random(seed.value());
        int threadsBefore = HandshakeThreads.liveThreads();
        DtlsConfig config = DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build();
        try (DtlsEndpoint server = new DtlsEndpoint(config)) {
            server.start(0);
            for (byte[] d : nonDtls(random)) {
                server.handleReceive(1, ByteBuffer.wrap(d));
            }
            for (byte[] d : brokenRecords()) {
                server.handleReceive(2, ByteBuffer.wrap(d));
            }
            for (byte[] d : forgedRecords(random)) {
                server.handleReceive(3, ByteBuffer.wrap(d));
            }
            DtlsStats stats = server.stats();
            assertEquals(9, stats.datagramsReceived());
            assertEquals(7, stats.malformedDatagrams());
            assertEquals(2, stats.ignoredDatagrams());
            assertEquals(DtlsState.CONNECTING, server.state());
            assertNull(server.pollTransmit());
            assertNull(server.pollEvent());
            assertEquals(threadsBefore, HandshakeThreads.liveThreads(), "garbage must not start a handshake thread");
        }
    }

    @Test
    void handshakeCompletesWithGarbageInterleavedBothWays(TestSeed seed) {
        Random random = new Random(seed.value());
        DtlsPair.Link noisy = datagram -> {
            List<byte[]> out = new ArrayList<>();
            synchronized (random) {
                out.addAll(nonDtls(random));
                out.addAll(brokenRecords());
                out.addAll(forgedRecords(random));
            }
            out.add(datagram);
            return out;
        };
        try (DtlsPair pair = new DtlsPair(
                DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint()).build(),
                DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build())
                .links(noisy, noisy)) {
            pair.start();
            pair.awaitConnected();
            assertTrue(pair.client.stats().malformedDatagrams() >= 7, pair.client.stats().toString());
            assertTrue(pair.server.stats().malformedDatagrams() >= 7, pair.server.stats().toString());
        }
    }

    @Test
    void afterTheHandshakeForgedAndReplayedRecordsAreRejectedAndDataStillFlows(TestSeed seed) {
        Random random = new Random(seed.value());
        try (DtlsPair pair = new DtlsPair(
                DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint()).build(),
                DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build())) {
            pair.start();
            pair.awaitConnected();
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {1, 2, 3}));
            pair.runUntil(() -> DtlsPair.has(pair.serverEvents, DtlsEvent.ApplicationData.class),
                    Duration.ofSeconds(5), "first message");
            byte[] captured = pair.clientSent.get(pair.clientSent.size() - 1);
            DtlsStats before = pair.server.stats();

            for (byte[] d : nonDtls(random)) {
                pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(d));
            }
            for (byte[] d : brokenRecords()) {
                pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(d));
            }
            for (byte[] d : forgedRecords(random)) {
                pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(d));
            }
            pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(captured)); // RFC 6347 §4.1.2.6 replay
            byte[] tampered = captured.clone();
            tampered[tampered.length - 1] ^= 1;
            tampered[10] ^= 0x40; // new sequence number, so only the GCM tag can catch it
            pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(tampered));

            DtlsStats after = pair.server.stats();
            assertEquals(before.malformedDatagrams() + 7, after.malformedDatagrams());
            assertEquals(before.rejectedRecords() + 4, after.rejectedRecords(), after.toString());
            assertEquals(1, DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size());
            assertEquals(DtlsState.CONNECTED, pair.server.state());

            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {4, 5}));
            pair.runUntil(() -> DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size() == 2,
                    Duration.ofSeconds(5), "second message");
        }
    }
}
