package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** I-DATA (RFC 8260) when both sides offer it: interleaving, reliability, partial reliability, stream reset. */
class SctpMessageInterleavingTest {
    private static final SctpConfig IDATA = SctpConfig.builder().messageInterleaving(true).build();

    private static List<Integer> dataChunkTypes(SctpConfig configA, SctpConfig configB, long seed) {
        long now = 1_000_000_000L;
        SplittableRandom r = new SplittableRandom(seed);
        SctpAssociation a = new SctpAssociation(configA, r.split());
        SctpAssociation b = new SctpAssociation(configB, r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        a.send(now, 1, 53, ByteBuffer.allocate(3000), SendOptions.RELIABLE);
        List<Integer> types = new ArrayList<>();
        Direct.pump(a, b, now, p -> {
            for (Chunk c : SctpPacket.decode(p.duplicate(), true).chunks()) {
                if (c.type() == Chunk.DATA || c.type() == Chunk.I_DATA) {
                    types.add(c.type());
                }
            }
            return p;
        });
        assertEquals(3000, ((SctpEvent.MessageReceived) Direct.events(b).stream()
                .filter(e -> e instanceof SctpEvent.MessageReceived).findFirst().orElseThrow()).payload().length);
        return types;
    }

    @Test
    void iDataIsUsedOnlyWhenBothSidesOfferIt(TestSeed seed) {
        assertEquals(List.of(Chunk.I_DATA, Chunk.I_DATA, Chunk.I_DATA), dataChunkTypes(IDATA, IDATA, seed.value()));
        assertEquals(List.of(Chunk.DATA, Chunk.DATA, Chunk.DATA),
                dataChunkTypes(IDATA, SctpConfig.defaults(), seed.value()));
    }

    @Test
    void smallMessagesOvertakeALargeOneOnAnotherStream(TestSeed seed) {
        for (boolean interleaving : new boolean[] {true, false}) {
            SctpConfig c = SctpConfig.builder().messageInterleaving(interleaving).build();
            NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).build(); // lossless, FIFO
            SctpPair pair = new SctpPair(seed.value(), link, link, c, c);
            pair.connectBoth();
            pair.a.association.send(pair.now(), 1, 53, ByteBuffer.allocate(250_000), SendOptions.RELIABLE);
            for (int i = 0; i < 5; i++) {
                pair.a.association.send(pair.now(), 2, 51, ByteBuffer.wrap(new byte[] {(byte) i}), SendOptions.RELIABLE);
            }
            pair.run(() -> SctpPair.messages(pair.eventsB).size() == 6, Duration.ofSeconds(30));
            int bigAt = 0;
            List<SctpEvent.MessageReceived> got = SctpPair.messages(pair.eventsB);
            for (int i = 0; i < got.size(); i++) {
                if (got.get(i).streamId() == 1) {
                    bigAt = i;
                }
            }
            assertEquals(interleaving ? 5 : 0, bigAt,
                    interleaving ? "with I-DATA the small messages need not wait" : "with DATA they wait behind it");
        }
    }

    @Test
    void orderedTransferUnderLossArrivesIntact(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).loss(0.05)
                .reorder(0.02, Duration.ofMillis(4)).duplicate(0.01).build();
        SctpPair pair = new SctpPair(seed.value(), link, link, IDATA, IDATA);
        pair.connectBoth();
        BulkTransfer t = new BulkTransfer(pair, 4L * 1024 * 1024, 70_000, seed.value(), SendOptions.RELIABLE, 3);
        t.start();
        pair.run(t::done, Duration.ofMinutes(10));
        assertEquals(t.sentCrc.getValue(), t.receivedCrc.getValue());
        assertTrue(pair.a.association.stats().retransmissions() > 0);
    }

    @Test
    void abandonedMessagesAreSkippedWithIForwardTsn(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(15)).loss(0.2).build();
        SctpPair pair = new SctpPair(seed.value(), link, link, IDATA, IDATA);
        pair.connectBoth();
        for (long i = 0; i < 300; i++) {
            pair.a.association.send(pair.now(), 1, 53, ByteBuffer.wrap(BulkTransfer.message(seed.value(), i, 2000)),
                    SendOptions.maxRetransmits(false, 0));
        }
        pair.a.association.send(pair.now(), 2, 51, ByteBuffer.wrap(new byte[] {42}), SendOptions.RELIABLE);
        pair.run(() -> SctpPair.messages(pair.eventsB).stream().anyMatch(m -> m.streamId() == 2)
                && pair.a.association.stats().outstandingChunks() == 0
                && pair.a.association.totalBufferedAmount() == 0, Duration.ofMinutes(5));
        long previous = -1;
        int delivered = 0;
        for (SctpEvent.MessageReceived m : SctpPair.messages(pair.eventsB)) {
            if (m.streamId() == 1) {
                long index = ByteBuffer.wrap(m.payload()).getLong();
                assertArrayEquals(BulkTransfer.message(seed.value(), index, 2000), m.payload());
                assertTrue(index > previous, "ordered: " + index + " after " + previous);
                previous = index;
                delivered++;
            }
        }
        long abandoned = pair.a.association.stats().abandonedMessages();
        assertTrue(abandoned > 0 && delivered < 300 && delivered + abandoned >= 300,
                delivered + " delivered, " + abandoned + " abandoned");
        // After the skips the stream still works in order.
        pair.a.association.send(pair.now(), 1, 51, ByteBuffer.wrap(new byte[] {7}), SendOptions.RELIABLE);
        pair.run(() -> SctpPair.messages(pair.eventsB).stream().anyMatch(m -> m.streamId() == 1
                && m.payload().length == 1), Duration.ofMinutes(1));
    }

    @Test
    void streamResetRestartsMessageIdentifiers(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).loss(0.1).build();
        SctpPair pair = new SctpPair(seed.value(), link, link, IDATA, IDATA);
        pair.connectBoth();
        for (int i = 0; i < 50; i++) {
            pair.a.association.send(pair.now(), 4, 53, ByteBuffer.allocate(3000).putInt(0, i), SendOptions.RELIABLE);
        }
        pair.a.association.resetStreams(pair.now(), List.of(4));
        pair.run(() -> SctpPair.has(pair.eventsA, SctpEvent.OutgoingStreamsReset.class), Duration.ofMinutes(1));
        pair.a.association.send(pair.now(), 4, 51, ByteBuffer.wrap(new byte[] {9}), SendOptions.RELIABLE);
        pair.run(() -> SctpPair.messages(pair.eventsB).size() == 51, Duration.ofMinutes(1));
        List<SctpEvent.MessageReceived> got = SctpPair.messages(pair.eventsB);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, ByteBuffer.wrap(got.get(i).payload()).getInt());
        }
        assertEquals(9, got.get(50).payload()[0]);
    }
}
