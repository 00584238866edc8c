package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.SackChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 9260 §6.10: chunks share packets up to the maximum packet size; SACKs ride along with DATA. */
class SctpBundlingTest {

    @Test
    void smallMessagesShareFullPacketsAndSacksRideWithData(TestSeed seed) {
        long now = 1_000_000_000L;
        SplittableRandom r = new SplittableRandom(seed.value());
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), r.split());
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        for (int i = 0; i < 100; i++) {
            a.send(now, i % 3, 51, ByteBuffer.wrap(new byte[20]), SendOptions.RELIABLE);
        }
        List<SctpPacket> packets = new ArrayList<>();
        ByteBuffer p;
        while ((p = a.pollTransmit()) != null) {
            assertTrue(p.remaining() <= 1200, "packet of " + p.remaining() + " bytes");
            packets.add(SctpPacket.decode(p.duplicate(), true));
            b.handleReceive(now, p);
        }
        long dataChunks = packets.stream().flatMap(x -> x.chunks().stream()).filter(c -> c instanceof DataChunk).count();
        assertEquals(100, dataChunks);
        assertTrue(packets.size() <= 4, "100 chunks of 36 bytes fit in 4 packets, took " + packets.size());
        // b answers with its own message: the SACK for a's data goes in the same packet.
        b.send(now, 0, 51, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        List<Chunk> reply = SctpPacket.decode(b.pollTransmit(), true).chunks();
        assertTrue(reply.get(0) instanceof SackChunk && reply.get(1) instanceof DataChunk, reply.toString());
    }

    @Test
    void packetsStayWithinAnOddMaximumSizeDespitePadding(TestSeed seed) {
        // 1163 bytes is what DTLS 1.2 with AES-GCM leaves of a 1200-byte MTU.
        long now = 1_000_000_000L;
        SplittableRandom r = new SplittableRandom(seed.value());
        SctpConfig odd = SctpConfig.builder().maxPacketSize(1163).build();
        SctpAssociation a = new SctpAssociation(odd, r.split());
        SctpAssociation b = new SctpAssociation(odd, r.split());
        a.connect(now);
        Direct.pump(a, b, now);
        for (int i = 0; i < 20; i++) {
            a.send(now, 0, 53, ByteBuffer.wrap(new byte[1000 + 37 * i]), SendOptions.RELIABLE);
        }
        // Exchange everything both ways (data one way, SACKs the other), checking every packet's size.
        int packets = 0;
        boolean moved = true;
        while (moved) {
            moved = false;
            ByteBuffer p;
            while ((p = a.pollTransmit()) != null) {
                assertTrue(p.remaining() <= 1163, "packet of " + p.remaining() + " bytes exceeds 1163");
                packets++;
                b.handleReceive(now, p);
                moved = true;
            }
            while ((p = b.pollTransmit()) != null) {
                a.handleReceive(now, p);
                moved = true;
            }
        }
        assertTrue(packets > 20, "all 20 messages (about 36 kB) went out in packets: " + packets);
        assertEquals(0, a.totalBufferedAmount(), "everything was sent");
    }
}
