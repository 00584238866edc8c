package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After the handshake the record path reads the caller's buffers in place and hands over BC's record buffers
 * without copies: these tests pin down that nothing borrowed is kept or changed, and that nothing handed out is
 * shared.
 */
class DtlsConnectedBufferOwnershipTest {

    private static DtlsPair connected() {
        DtlsPair pair = DtlsPair.of(TestCertificates.EC_A, TestCertificates.EC_B);
        pair.start();
        pair.awaitConnected();
        return pair;
    }

    private static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    /** Sends one message on {@code from} and returns the one datagram it produced. */
    private static DtlsTransmit sendOne(DtlsEndpoint from, ByteBuffer message) {
        from.send(DtlsPair.now(), message);
        DtlsTransmit t = from.pollTransmit();
        assertNotNull(t, "send produced a datagram");
        assertNull(from.pollTransmit(), "one record, one datagram");
        return t;
    }

    private static List<byte[]> receivedData(DtlsEndpoint at) {
        List<byte[]> out = new ArrayList<>();
        DtlsEvent e;
        while ((e = at.pollEvent()) != null) {
            out.add(assertInstanceOf(DtlsEvent.ApplicationData.class, e).bytes());
        }
        return out;
    }

    @Test
    void sendReadsTheMessageInPlaceAndEachDatagramIsItsOwn() {
        try (DtlsPair pair = connected()) {
            byte[] first = pattern(1100, 1);
            byte[] second = pattern(900, 2);
            // The message sits in the middle of a larger array, as a slice of a caller's buffer would.
            byte[] backing = new byte[1300];
            System.arraycopy(first, 0, backing, 150, first.length);
            ByteBuffer message = ByteBuffer.wrap(backing, 100, 1200).slice().position(50).limit(50 + first.length);
            DtlsTransmit t1 = sendOne(pair.client, message);
            assertEquals(50, message.position(), "the message buffer is not consumed");
            byte[] t1Bytes = t1.bytes();
            Arrays.fill(backing, (byte) 0x55); // the caller reuses its buffer at once

            DtlsTransmit t2 = sendOne(pair.client, ByteBuffer.wrap(second));
            assertArrayEquals(t1Bytes, t1.bytes(), "a later send does not touch an earlier datagram");

            pair.server.handleReceive(DtlsPair.now(), t1.payload());
            pair.server.handleReceive(DtlsPair.now(), t2.payload());
            List<byte[]> got = receivedData(pair.server);
            assertEquals(2, got.size());
            assertArrayEquals(first, got.get(0));
            assertArrayEquals(second, got.get(1));
        }
    }

    @Test
    void receivedDataDoesNotAliasTheCallersDatagramNorEachOther() {
        try (DtlsPair pair = connected()) {
            byte[] m1 = pattern(1100, 3);
            byte[] m2 = pattern(1100, 4);
            byte[] d1 = sendOne(pair.server, ByteBuffer.wrap(m1)).bytes();
            byte[] d2 = sendOne(pair.server, ByteBuffer.wrap(m2)).bytes();

            // One reused receive buffer with the datagram at an offset, as a socket loop would have it.
            ByteBuffer socketBuffer = ByteBuffer.allocateDirect(2048);
            socketBuffer.position(17).put(d1).flip().position(17);
            pair.client.handleReceive(DtlsPair.now(), socketBuffer);
            assertEquals(17, socketBuffer.position(), "the datagram is borrowed, not consumed");
            assertEquals(17 + d1.length, socketBuffer.limit());
            DtlsEvent.ApplicationData e1 = assertInstanceOf(DtlsEvent.ApplicationData.class, pair.client.pollEvent());

            socketBuffer.clear().position(17);
            socketBuffer.put(d2).flip().position(17);
            pair.client.handleReceive(DtlsPair.now(), socketBuffer);
            DtlsEvent.ApplicationData e2 = assertInstanceOf(DtlsEvent.ApplicationData.class, pair.client.pollEvent());
            while (socketBuffer.hasRemaining()) {
                socketBuffer.put((byte) 0); // the caller overwrites its buffer
            }

            assertArrayEquals(m1, e1.bytes());
            assertArrayEquals(m2, e2.bytes());
            assertEquals(m1.length, e1.data().capacity(), "the event's buffer holds just the message");
            assertEquals(0, pair.client.stats().rejectedRecords());
        }
    }

    @Test
    void replayedRecordsPackedWithFreshOnesAreRejectedWhateverTheirPlace() {
        try (DtlsPair pair = connected()) {
            byte[] m1 = pattern(300, 5);
            byte[] m2 = pattern(400, 6);
            byte[] m3 = pattern(500, 7);
            byte[] d1 = sendOne(pair.client, ByteBuffer.wrap(m1)).bytes();
            byte[] d2 = sendOne(pair.client, ByteBuffer.wrap(m2)).bytes();
            byte[] d3 = sendOne(pair.client, ByteBuffer.wrap(m3)).bytes();
            long rejectedBefore = pair.server.stats().rejectedRecords();

            pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(d1));
            // RFC 6347 §4.1.2.6: the replayed copy of d1 is dropped whether it comes after or before a fresh record.
            pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(concat(d2, d1)));
            pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(concat(d1, d3)));
            pair.server.handleReceive(DtlsPair.now(), ByteBuffer.wrap(d3)); // nothing fresh at all

            List<byte[]> got = receivedData(pair.server);
            assertEquals(3, got.size());
            assertArrayEquals(m1, got.get(0));
            assertArrayEquals(m2, got.get(1));
            assertArrayEquals(m3, got.get(2));
            assertEquals(rejectedBefore + 3, pair.server.stats().rejectedRecords());
            assertEquals(DtlsState.CONNECTED, pair.server.state());

            // Still in step afterwards: a smaller datagram after a larger one, then a larger one.
            byte[] small = pattern(10, 8);
            byte[] large = pattern(pair.client.maxApplicationDataSize(), 9);
            pair.server.handleReceive(DtlsPair.now(), sendOne(pair.client, ByteBuffer.wrap(small)).payload());
            pair.server.handleReceive(DtlsPair.now(), sendOne(pair.client, ByteBuffer.wrap(large)).payload());
            got = receivedData(pair.server);
            assertEquals(2, got.size());
            assertArrayEquals(small, got.get(0));
            assertArrayEquals(large, got.get(1));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
