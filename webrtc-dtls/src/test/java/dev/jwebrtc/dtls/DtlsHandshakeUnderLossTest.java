package dev.jwebrtc.dtls;

import static dev.jwebrtc.dtls.DtlsPair.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.dtls.internal.DtlsRecords;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;

class DtlsHandshakeUnderLossTest {

    private static DtlsPair pair() {
        return DtlsPair.of(TestCertificates.EC_A, TestCertificates.EC_B);
    }

    private static void assertSameKeys(DtlsPair pair) {
        DtlsSrtpKeys c = first(pair.clientEvents, DtlsEvent.Connected.class).srtpKeys();
        DtlsSrtpKeys s = first(pair.serverEvents, DtlsEvent.Connected.class).srtpKeys();
        assertEquals(c, s.forPeer());
    }

    @Test
    void handshakeCompletesWhenTheClientHelloIsLost() {
        try (DtlsPair pair = pair().links(LossyLinks.dropIndexes(0), DtlsPair.PERFECT)) {
            pair.start();
            pair.awaitConnected();
            assertSameKeys(pair);
            // the ClientHello went out twice: once lost, once retransmitted after the initial timer
            long hellos = pair.clientSent.stream().filter(d -> DtlsRecords.startsWithClientHello(ByteBuffer.wrap(d)))
                    .count();
            assertEquals(2, hellos);
        }
    }

    @Test
    void handshakeCompletesWhenTheServersFirstFlightIsLost() {
        // ServerHello, Certificate, ServerKeyExchange, CertificateRequest, ServerHelloDone: one record each
        try (DtlsPair pair = pair().links(DtlsPair.PERFECT, LossyLinks.dropIndexes(0, 1, 2, 3, 4))) {
            pair.start();
            pair.awaitConnected();
            assertSameKeys(pair);
        }
    }

    @Test
    void handshakeCompletesWhenTheServersFinalFlightIsLost() {
        // The server is done once it sent ChangeCipherSpec + Finished; if they are lost the client retransmits its
        // last flight and the server must answer from the caller's thread (its handshake thread has ended).
        try (DtlsPair pair = finalFlightPair()) {
            pair.start();
            pair.awaitConnected();
            assertSameKeys(pair);
        }
    }

    DtlsPair finalFlightPair() {
        return pair().links(DtlsPair.PERFECT, new DtlsPair.Link() {
            private int finalFlightDropped;

            @Override
            public synchronized java.util.List<byte[]> carry(byte[] d) {
                boolean ccs = (d[0] & 0xFF) == 20;
                boolean epoch1 = d[3] == 0 && d[4] == 1;
                if (finalFlightDropped < 2 && (ccs || epoch1)) {
                    finalFlightDropped++;
                    return java.util.List.of();
                }
                return java.util.List.of(d);
            }
        });
    }

    @RepeatedTest(3)
    void handshakeCompletesUnderTwentyPercentRandomLoss(TestSeed seed) {
        try (DtlsPair pair = pair().links(LossyLinks.randomLoss(0.2, seed.value()),
                LossyLinks.randomLoss(0.2, seed.value() + 1))) {
            pair.start();
            pair.awaitConnected();
            assertSameKeys(pair);
            assertTrue(pair.server.state() == DtlsState.CONNECTED);
        }
    }

    @Test
    void handshakeCompletesWhenEveryDatagramArrivesTwice() {
        DtlsPair.Link twice = d -> java.util.List.of(d, d.clone());
        try (DtlsPair pair = pair().links(twice, twice)) {
            pair.start();
            pair.awaitConnected();
            assertSameKeys(pair);
            pair.client.send(DtlsPair.now(), ByteBuffer.wrap(new byte[] {7}));
            pair.runUntil(() -> DtlsPair.has(pair.serverEvents, DtlsEvent.ApplicationData.class),
                    java.time.Duration.ofSeconds(5), "data");
            pair.pump();
            // RFC 6347 §4.1.2.6: the duplicate is discarded by the replay window, not delivered twice
            assertEquals(1, DtlsPair.all(pair.serverEvents, DtlsEvent.ApplicationData.class).size());
            assertTrue(pair.server.stats().rejectedRecords() >= 1);
        }
    }

    @RepeatedTest(3)
    void handshakeCompletesWithReordering(TestSeed seed) {
        try (DtlsPair pair = pair().links(LossyLinks.reorder(0.4, seed.value()),
                LossyLinks.reorder(0.4, seed.value() + 1))) {
            pair.start();
            pair.awaitConnected();
            assertSameKeys(pair);
        }
    }
}
