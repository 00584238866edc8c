package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Streams share the sender by weight (RFC 8831 §6.4 priorities as weighted fair queueing, RFC 8260 §3.6). */
class SctpStreamPriorityTest {

    private static long[] bytesPerStream(long seed, int weight1, int weight2) {
        long now = 1_000_000_000L;
        SplittableRandom r = new SplittableRandom(seed);
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), r.split());
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        a.setStreamPriority(1, weight1);
        a.setStreamPriority(2, weight2);
        for (int i = 0; i < 200; i++) {
            a.send(now, 1, 53, ByteBuffer.allocate(10_000), SendOptions.RELIABLE);
            a.send(now, 2, 53, ByteBuffer.allocate(10_000), SendOptions.RELIABLE);
        }
        long[] bytes = new long[3];
        int packets = 0;
        while (packets < 600) {
            ByteBuffer p = a.pollTransmit();
            if (p == null) {
                ByteBuffer ack;
                while ((ack = b.pollTransmit()) != null) {
                    a.handleReceive(now, ack);
                }
                now += 200_000_000; // let b's delayed SACK go out
                b.handleTimeout(now);
                a.handleTimeout(now);
                continue;
            }
            packets++;
            for (Chunk c : SctpPacket.decode(p.duplicate(), true).chunks()) {
                if (c instanceof DataChunk d) {
                    bytes[d.streamId()] += d.payload().length;
                }
            }
            b.handleReceive(now, p);
            while (b.pollEvent() != null) {
                // read
            }
        }
        return bytes;
    }

    @Test
    void aHighPriorityStreamGetsItsShare(TestSeed seed) {
        long[] bytes = bytesPerStream(seed.value(), 1024, 128);
        double ratio = (double) bytes[1] / bytes[2];
        assertTrue(ratio > 6 && ratio < 10, "1024:128 should share about 8:1, got " + ratio);
    }

    @Test
    void equalPrioritiesAlternate(TestSeed seed) {
        long[] bytes = bytesPerStream(seed.value(), 256, 256);
        assertEquals(1.0, (double) bytes[1] / bytes[2], 0.1);
    }
}
