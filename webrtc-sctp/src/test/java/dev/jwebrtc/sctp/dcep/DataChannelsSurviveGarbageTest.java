package dev.jwebrtc.sctp.dcep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.SctpAssociation;
import dev.jwebrtc.sctp.SctpConfig;
import dev.jwebrtc.sctp.SendOptions;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random DCEP payloads and PPIDs from the peer are dropped and counted; nothing throws. */
class DataChannelsSurviveGarbageTest {

    @Test
    void randomDcepAndDataNeverThrow(TestSeed seed) {
        long now = 1_000_000_000L;
        SplittableRandom sr = new SplittableRandom(seed.value());
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), sr.split());
        DataChannels b = new DataChannels(new SctpAssociation(SctpConfig.defaults(), sr.split()), false);
        a.connect(now);
        Random r = new Random(seed.value());
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 20; i++) {
                byte[] payload = new byte[1 + r.nextInt(40)];
                r.nextBytes(payload);
                if (r.nextInt(4) == 0) {
                    payload[0] = (byte) (r.nextBoolean() ? DcepMessage.TYPE_OPEN : DcepMessage.TYPE_ACK);
                }
                int ppid = r.nextInt(3) == 0 ? Ppid.DCEP : 48 + r.nextInt(12);
                a.send(now, r.nextInt(64), ppid, ByteBuffer.wrap(payload), SendOptions.RELIABLE);
            }
            boolean progress = true;
            while (progress) {
                progress = false;
                ByteBuffer p;
                while ((p = a.pollTransmit()) != null) {
                    b.association().handleReceive(now, p);
                    progress = true;
                }
                while (b.pollEvent(now) != null) {
                    progress = true;
                }
                while ((p = b.association().pollTransmit()) != null) {
                    a.handleReceive(now, p);
                    progress = true;
                }
                while (a.pollEvent() != null) {
                    progress = true;
                }
            }
            now += 10_000_000;
            a.handleTimeout(now);
            b.association().handleTimeout(now);
        }
        assertTrue(b.dropped() > 100, "garbage is counted: " + b.dropped());
    }
}
