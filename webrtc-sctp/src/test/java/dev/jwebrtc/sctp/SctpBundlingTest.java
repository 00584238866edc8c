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
}
