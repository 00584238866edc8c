package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.ErrorCause;
import dev.jwebrtc.sctp.chunk.ErrorChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.sctp.chunk.UnknownChunk;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SctpTimersAndNotificationsTest {
    private long now = 5_000_000_000L;

    private SctpAssociation[] established(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), r.split());
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        Direct.events(a);
        Direct.events(b);
        return new SctpAssociation[] {a, b};
    }

    /** Runs a's timers with every packet lost, until it closes; returns the packets it sent. */
    private List<ByteBuffer> runIsolated(SctpAssociation a, Duration max) {
        List<ByteBuffer> sent = new ArrayList<>();
        long end = now + max.toNanos();
        while (a.state() != SctpState.CLOSED && a.pollTimeout() <= end) {
            now = Math.max(now, a.pollTimeout());
            a.handleTimeout(now);
            ByteBuffer p;
            while ((p = a.pollTransmit()) != null) {
                sent.add(p);
            }
        }
        return sent;
    }

    @Test
    void unansweredRetransmissionsCloseTheAssociation(TestSeed seed) {
        SctpAssociation a = established(seed.value())[0];
        long start = now;
        a.send(now, 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        while (a.pollTransmit() != null) {
            // lost
        }
        runIsolated(a, Duration.ofMinutes(10));
        assertEquals(SctpState.CLOSED, a.state());
        SctpEvent.Closed closed = (SctpEvent.Closed) Direct.events(a).stream()
                .filter(e -> e instanceof SctpEvent.Closed).findFirst().orElseThrow();
        assertTrue(!closed.graceful() && closed.reason().contains("unreachable"), closed.reason());
        // Association.Max.Retrans = 10 (RFC 9260 §16): the 11th error closes; unanswered heartbeats count too.
        long t3 = a.stats().retransmissionTimeouts();
        assertTrue(t3 >= 9 && t3 <= 11, "T3 expirations before closing: " + t3);
        long elapsedMillis = (now - start) / 1_000_000;
        assertTrue(elapsedMillis > 30_000 && elapsedMillis < 120_000, "exponential back-off capped at rtoMax: "
                + elapsedMillis + " ms");
    }

    @Test
    void idleAssociationsHeartbeatAndDeadPeersAreDetected(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        SctpAssociation a = ab[0];
        SctpAssociation b = ab[1];
        // Five idle minutes with a live peer: heartbeats are answered, nothing closes.
        long end = now + Duration.ofMinutes(5).toNanos();
        int heartbeats = 0;
        while (a.pollTimeout() < end) {
            now = Math.max(now, Math.min(a.pollTimeout(), b.pollTimeout()));
            a.handleTimeout(now);
            b.handleTimeout(now);
            ByteBuffer p;
            while ((p = a.pollTransmit()) != null) {
                heartbeats += (int) SctpPacket.decode(p.duplicate(), true).chunks().stream()
                        .filter(c -> c.type() == Chunk.HEARTBEAT).count();
                b.handleReceive(now, p);
            }
            while ((p = b.pollTransmit()) != null) {
                a.handleReceive(now, p);
            }
        }
        assertEquals(SctpState.ESTABLISHED, a.state());
        assertTrue(heartbeats >= 8, "one HEARTBEAT per 30 s plus RTO: " + heartbeats);
        // Then the peer vanishes: unanswered heartbeats end the association.
        List<ByteBuffer> sent = runIsolated(a, Duration.ofMinutes(15));
        assertEquals(SctpState.CLOSED, a.state());
        assertTrue(sent.size() > 10);
    }

    @Test
    void bufferedAmountLowFiresPerStreamAndInTotal(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        SctpAssociation a = ab[0];
        a.setBufferedAmountLowThreshold(4, 10_000);
        a.setTotalBufferedAmountLowThreshold(0);
        a.send(now, 4, 53, ByteBuffer.allocate(50_000), SendOptions.RELIABLE);
        assertEquals(50_000, a.bufferedAmount(4));
        assertEquals(50_000, a.totalBufferedAmount());
        long end = now + Duration.ofSeconds(10).toNanos();
        while (a.totalBufferedAmount() > 0 && now < end) {
            Direct.pump(a, ab[1], now);
            now += 10_000_000;
            a.handleTimeout(now);
            ab[1].handleTimeout(now);
        }
        List<SctpEvent> events = Direct.events(a);
        assertEquals(0, a.bufferedAmount(4));
        assertEquals(1, events.stream().filter(e -> e.equals(new SctpEvent.BufferedAmountLow(4))).count());
        assertEquals(1, events.stream().filter(e -> e instanceof SctpEvent.TotalBufferedAmountLow).count());
    }

    @Test
    void unknownChunksAreReportedWhenTheirTypeAsksForIt(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        SctpAssociation a = ab[0];
        SctpAssociation b = ab[1];
        a.send(now, 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        ByteBuffer first = a.pollTransmit();
        long tagB = first.getInt(4) & 0xFFFF_FFFFL;
        // Type 0x7F: upper bits 01 = stop processing the packet and report (RFC 9260 §3.2).
        b.handleReceive(now, ByteBuffer.wrap(new SctpPacket(5000, 5000, tagB,
                List.of(new UnknownChunk(0x7F, 0, new byte[] {1, 2, 3, 4}))).encode(false)));
        ByteBuffer reply = b.pollTransmit();
        SctpPacket decoded = SctpPacket.decode(reply, true);
        ErrorChunk error = (ErrorChunk) decoded.chunks().get(0);
        assertEquals(ErrorCause.UNRECOGNIZED_CHUNK_TYPE, error.causes().get(0).code());
        assertEquals(0x7F, error.causes().get(0).info()[0] & 0xFF, "the cause carries the offending chunk");
    }
}
