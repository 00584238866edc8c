package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.CookieAckChunk;
import dev.jwebrtc.sctp.chunk.CookieEchoChunk;
import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.InitAckChunk;
import dev.jwebrtc.sctp.chunk.ReConfigChunk;
import dev.jwebrtc.sctp.chunk.ReconfigurationResponseParameter;
import dev.jwebrtc.sctp.chunk.SackChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.sctp.chunk.ShutdownAckChunk;
import dev.jwebrtc.sctp.chunk.UnknownChunk;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hostile and out-of-state input never throws out of the association, is counted, and leaves it working. */
class SctpRobustnessTest {
    private long now = 1_000_000_000L;

    private SctpAssociation[] established(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), r.split());
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        assertEquals(SctpState.ESTABLISHED, a.state());
        assertEquals(SctpState.ESTABLISHED, b.state());
        Direct.events(a);
        Direct.events(b);
        return new SctpAssociation[] {a, b};
    }

    /** The verification tag b expects, read from a packet a sends to b. */
    private static long tagOfPeer(SctpAssociation a, SctpAssociation b, long now) {
        a.send(now, 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        ByteBuffer p = a.pollTransmit();
        long tag = p.getInt(4) & 0xFFFF_FFFFL;
        b.handleReceive(now, p);
        return tag;
    }

    private static ByteBuffer packet(long tag, Chunk... chunks) {
        return ByteBuffer.wrap(new SctpPacket(5000, 5000, tag, List.of(chunks)).encode(false));
    }

    private void assertStillWorks(SctpAssociation a, SctpAssociation b) {
        Direct.pump(a, b, now);
        Direct.events(b);
        byte[] m = {9, 8, 7};
        a.send(now, 3, 53, ByteBuffer.wrap(m), SendOptions.RELIABLE);
        Direct.pump(a, b, now);
        List<SctpEvent> events = Direct.events(b);
        assertTrue(events.stream().anyMatch(e -> e instanceof SctpEvent.MessageReceived r
                && java.util.Arrays.equals(r.payload(), m)), "a message still goes through: " + events);
    }

    @Test
    void randomAndMutatedPacketsAreDroppedAndCounted(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        SctpAssociation a = ab[0];
        SctpAssociation b = ab[1];
        Random r = new Random(seed.value());
        List<byte[]> real = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            a.send(now, i % 4, 53, ByteBuffer.wrap(new byte[1 + r.nextInt(3000)]), SendOptions.RELIABLE);
        }
        Direct.pump(a, b, now, p -> {
            byte[] copy = new byte[p.remaining()];
            p.duplicate().get(copy);
            real.add(copy);
            return p;
        });
        long droppedBefore = b.stats().packetsDropped();
        for (int i = 0; i < 20_000; i++) {
            byte[] p;
            if (r.nextBoolean()) {
                p = new byte[r.nextInt(300)];
                r.nextBytes(p);
            } else {
                p = real.get(r.nextInt(real.size())).clone();
                for (int f = 1 + r.nextInt(4); f > 0; f--) {
                    p[r.nextInt(p.length)] = (byte) r.nextInt(256);
                }
                if (r.nextBoolean()) {
                    p = java.util.Arrays.copyOf(p, r.nextInt(p.length + 1));
                }
            }
            b.handleReceive(now, ByteBuffer.wrap(p)); // must not throw
            now += 1_000_000;
            b.handleTimeout(now);
            while (b.pollTransmit() != null) {
                // what b answers to garbage is dropped
            }
        }
        assertTrue(b.stats().packetsDropped() > droppedBefore + 10_000, "garbage is counted");
        // With the zero checksum negotiated (the DTLS case) a mutated chunk with a valid tag is accepted as what it
        // now says, e.g. a SHUTDOWN: any state is fine, exceptions are not (DTLS keeps such packets out in practice).
        if (b.state() == SctpState.ESTABLISHED) {
            assertStillWorks(a, b);
        }
    }

    @Test
    void chunksInTheWrongStateOrWithWrongTagsAreIgnored(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        SctpAssociation a = ab[0];
        SctpAssociation b = ab[1];
        long tagB = tagOfPeer(a, b, now);
        long dropped = b.stats().packetsDropped();
        // Wrong verification tag.
        b.handleReceive(now, packet(tagB ^ 1, new DataChunk(false, false, true, true, 1, 0, 0, 51, new byte[] {1})));
        assertEquals(dropped + 1, b.stats().packetsDropped());
        // A forged cookie.
        b.handleReceive(now, packet(tagB, new CookieEchoChunk(new byte[81])));
        assertEquals(dropped + 2, b.stats().packetsDropped());
        // Handshake and shutdown chunks that do not belong to ESTABLISHED, a SACK for TSNs never sent,
        // a FORWARD TSN far ahead, a RE-CONFIG response to nothing, an unknown chunk that asks to be skipped.
        b.handleReceive(now, packet(tagB, CookieAckChunk.INSTANCE, ShutdownAckChunk.INSTANCE));
        b.handleReceive(now, packet(tagB, new InitAckChunk(5, 5, 5, 5, 5, List.of())));
        b.handleReceive(now, packet(tagB, new SackChunk(123456, 1000, List.of(new SackChunk.GapBlock(2, 1)),
                List.of())));
        b.handleReceive(now, packet(tagB, new ForwardTsnChunk(0x7FFF_FFFFL, List.of(new ForwardTsnChunk.StreamSsn(0, 9)))));
        b.handleReceive(now, packet(tagB, new ReConfigChunk(List.of(new ReconfigurationResponseParameter(77, 1)))));
        b.handleReceive(now, packet(tagB, new UnknownChunk(0xBF, 0, new byte[] {1, 2, 3})));
        assertEquals(SctpState.ESTABLISHED, b.state());
        assertStillWorks(a, b);
    }

    @Test
    void emptyDataIsAProtocolViolationThatAborts(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        long tagB = tagOfPeer(ab[0], ab[1], now);
        Direct.events(ab[1]);
        ab[1].handleReceive(now, packet(tagB, new DataChunk(false, false, true, true, 5, 0, 0, 51, new byte[0])));
        assertEquals(SctpState.CLOSED, ab[1].state());
        SctpEvent.Closed closed = (SctpEvent.Closed) Direct.events(ab[1]).get(0);
        assertTrue(closed.reason().contains("without user data"), closed.reason());
        ByteBuffer abort = ab[1].pollTransmit();
        assertEquals(Chunk.ABORT, abort.get(12) & 0xFF, "the peer is told with an ABORT");
    }

    @Test
    void zeroChecksumIsUsedOnlyWhenBothSidesOfferIt(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        ab[0].send(now, 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        ByteBuffer p = ab[0].pollTransmit();
        assertEquals(0, p.getInt(8), "RFC 9653: both offered, checksum is zero");

        SplittableRandom r = new SplittableRandom(seed.value());
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), r.split());
        SctpAssociation b = new SctpAssociation(SctpConfig.builder().zeroChecksum(false).build(), r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        assertEquals(SctpState.ESTABLISHED, b.state());
        a.send(now, 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        ByteBuffer q = a.pollTransmit();
        assertTrue(q.getInt(8) != 0, "peer did not offer: CRC32C");
        b.handleReceive(now, q);
        assertArrayEquals(new byte[] {1}, ((SctpEvent.MessageReceived) Direct.events(b).stream()
                .filter(e -> e instanceof SctpEvent.MessageReceived).findFirst().orElseThrow()).payload());
    }

    @Test
    void aPeerRestartIsDetectedAndTheAssociationContinues(TestSeed seed) {
        SctpAssociation[] ab = established(seed.value());
        SctpAssociation a = ab[0];
        SctpAssociation restartedB = new SctpAssociation(SctpConfig.defaults(), new SplittableRandom(seed.value() + 1));
        restartedB.connect(now);
        Direct.pump(restartedB, a, now);
        assertEquals(SctpState.ESTABLISHED, restartedB.state());
        assertEquals(List.of(new SctpEvent.Restarted()), Direct.events(a));
        a.send(now, 1, 51, ByteBuffer.wrap(new byte[] {5}), SendOptions.RELIABLE);
        Direct.pump(a, restartedB, now);
        assertTrue(Direct.events(restartedB).stream().anyMatch(e -> e instanceof SctpEvent.MessageReceived m
                && m.payload()[0] == 5));
    }

    @Test
    void aStaleCookieRestartsTheHandshake(TestSeed seed) {
        SplittableRandom r = new SplittableRandom(seed.value());
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), r.split());
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), r.split());
        a.connect(now);
        b.handleReceive(now, a.pollTransmit()); // INIT
        a.handleReceive(now, b.pollTransmit()); // INIT ACK
        ByteBuffer cookieEcho = a.pollTransmit();
        now += 61_000_000_000L; // past the 60 s cookie lifetime
        b.handleReceive(now, cookieEcho);
        assertEquals(SctpState.CLOSED, b.state());
        a.handleReceive(now, b.pollTransmit()); // ERROR: stale cookie
        assertEquals(SctpState.COOKIE_WAIT, a.state(), "RFC 9260 §5.2.6: back to INIT");
        Direct.pump(a, b, now);
        assertEquals(SctpState.ESTABLISHED, a.state());
        assertEquals(SctpState.ESTABLISHED, b.state());
    }
}
