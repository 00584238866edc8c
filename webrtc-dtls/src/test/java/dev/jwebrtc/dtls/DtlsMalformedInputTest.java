package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated copies of real datagrams (handshake flights and application records): nothing escapes the
 * endpoint as an exception, and an established association survives every forgery.
 */
class DtlsMalformedInputTest {

    private static final DtlsCertificate A = TestCertificates.EC_A;
    private static final DtlsCertificate B = TestCertificates.EC_B;

    private static byte[] mutate(byte[] original, Random random) {
        byte[] d = original.clone();
        switch (random.nextInt(5)) {
            case 0: // flip bits anywhere
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    d[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return d;
            case 1: // truncate
                return java.util.Arrays.copyOf(d, random.nextInt(d.length));
            case 2: // random length field
                if (d.length > 13) {
                    d[11] = (byte) random.nextInt(256);
                    d[12] = (byte) random.nextInt(256);
                }
                return d;
            case 3: // change content type or epoch but keep the framing
                d[0] = (byte) (20 + random.nextInt(5));
                d[4] = (byte) random.nextInt(3);
                return d;
            default: // append junk
                byte[] longer = java.util.Arrays.copyOf(d, d.length + 1 + random.nextInt(40));
                for (int i = d.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
        }
    }

    @Test
    void establishedAssociationSurvivesMutatedRecords(TestSeed seed) {
        Random random = new Random(seed.value());
        try (DtlsPair pair = new DtlsPair(
                DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint()).build(),
                DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint()).build())) {
            pair.start();
            pair.awaitConnected();
            for (int i = 0; i < 5; i++) {
                pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {(byte) i, 1, 2, 3}));
                pair.server.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {(byte) i, 4, 5}));
            }
            pair.runUntil(() -> DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size() == 5
                            && DtlsPair.all(pair.clientEvents, DtlsEvent.ApplicationData.class).size() == 5,
                    Duration.ofSeconds(5), "first messages");
            List<byte[]> toServer = new ArrayList<>(pair.clientSent);
            List<byte[]> toClient = new ArrayList<>(pair.serverSent);

            for (int i = 0; i < 3000; i++) {
                byte[] d = mutate(toServer.get(random.nextInt(toServer.size())), random);
                pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(d));
                byte[] e = mutate(toClient.get(random.nextInt(toClient.size())), random);
                pair.client.handleReceive(DtlsPair.now(), ByteBuffer.wrap(e));
            }
            pair.pump();
            // a mutated epoch-0 handshake record may make the server resend its last flight; that is fine.
            assertEquals(DtlsState.CONNECTED, pair.client.state());
            assertEquals(DtlsState.CONNECTED, pair.server.state());
            // no forged record was delivered as data (only the 5 genuine messages each way)
            assertEquals(5, DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size());
            assertEquals(5, DtlsPair.all(pair.clientEvents, DtlsEvent.ApplicationData.class).size());
            DtlsStats stats = pair.server.stats();
            assertTrue(stats.malformedDatagrams() + stats.rejectedRecords() > 2000, stats.toString());

            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {42}));
            pair.runUntil(() -> DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size() == 6,
                    Duration.ofSeconds(5), "a genuine message after the storm");
        }
    }

    @Test
    void mutatedHandshakeDatagramsNeverThrow(TestSeed seed) {
        Random random = new Random(seed.value());
        // capture a real handshake
        List<byte[]> clientFlights;
        List<byte[]> serverFlights;
        try (DtlsPair pair = DtlsPair.of(A, B)) {
            pair.start();
            pair.awaitConnected();
            clientFlights = new ArrayList<>(pair.clientSent);
            serverFlights = new ArrayList<>(pair.serverSent);
        }
        // replay mutations into fresh endpoints in the middle of their own handshakes
        // A forged first record can pin BC's record version or feed its reassembler a corrupt message, after which
        // the handshake can only time out; a short timeout keeps those rounds cheap.
        Duration timeout = Duration.ofSeconds(2);
        for (int round = 0; round < 6; round++) {
            try (DtlsPair pair = new DtlsPair(
                    DtlsConfig.builder(DtlsRole.CLIENT, A).remoteFingerprint(B.fingerprint())
                            .handshakeTimeout(timeout).build(),
                    DtlsConfig.builder(DtlsRole.SERVER, B).remoteFingerprint(A.fingerprint())
                            .handshakeTimeout(timeout).build())) {
                pair.start();
                for (int i = 0; i < 50; i++) {
                    pair.server.handleReceive(DtlsPair.now(),
                            ByteBuffer.wrap(mutate(clientFlights.get(random.nextInt(clientFlights.size())), random)));
                    pair.client.handleReceive(DtlsPair.now(),
                            ByteBuffer.wrap(mutate(serverFlights.get(random.nextInt(serverFlights.size())), random)));
                    pair.pump();
                }
                // Unauthenticated epoch-0 records can legitimately fail a DTLS handshake (RFC 6347 §4.1.2.7 lets
                // an implementation answer with a fatal alert); what must never happen is an exception or a hang.
                pair.runUntil(() -> pair.client.state() != DtlsState.CONNECTING
                                && pair.server.state() != DtlsState.CONNECTING,
                        Duration.ofSeconds(10), "both handshakes to end one way or the other");
            }
        }
    }
}
