package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** TSNs cross 2^32 and SSNs cross 2^16 in one transfer (RFC 9260 §1.6 serial arithmetic). */
class SctpSequenceWraparoundTest {

    /** Seeded, except that the initial TSN (the second {@code nextLong}) is just below the wrap. */
    private static RandomGenerator nearWrap(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new RandomGenerator() {
            private int longs;

            @Override
            public long nextLong() {
                return ++longs == 2 ? 0xFFFF_FF00L : r.nextLong(); // 1: verification tag, 2: initial TSN
            }

            @Override
            public void nextBytes(byte[] bytes) {
                r.nextBytes(bytes); // the cookie secret, drawn first, does not count
            }
        };
    }

    @Test
    void tsnAndSsnWrapWithoutLossOfOrder(TestSeed seed) {
        long now = 1_000_000_000L;
        SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), nearWrap(seed.value()));
        SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), nearWrap(seed.value() + 1));
        a.connect(now);
        Direct.pump(a, b, now);
        Direct.events(b);
        a.send(now, 7, 53, ByteBuffer.wrap(new byte[] {1}), SendOptions.RELIABLE);
        ByteBuffer first = a.pollTransmit();
        assertEquals(0xFFFF_FF00L, first.getInt(12 + 4) & 0xFFFF_FFFFL, "the first DATA carries the chosen TSN");
        b.handleReceive(now, first);
        Direct.events(b);
        int messages = 70_000; // more than 65536 SSNs on one stream, and thousands of TSNs past 2^32
        int received = 0;
        int sent = 0;
        while (received < messages) {
            while (sent < messages && a.totalBufferedAmount() < 200_000) {
                ByteBuffer m = ByteBuffer.allocate(12).putInt(sent).putLong(seed.value());
                a.send(now, 7, 53, m.flip(), SendOptions.RELIABLE);
                sent++;
            }
            Direct.pump(a, b, now);
            SctpEvent e;
            while ((e = b.pollEvent()) != null) {
                if (e instanceof SctpEvent.MessageReceived r) {
                    assertEquals(received, ByteBuffer.wrap(r.payload()).getInt(), "in order across the wrap");
                    received++;
                }
            }
            now += 50_000_000;
            a.handleTimeout(now);
            b.handleTimeout(now);
        }
        assertEquals(messages, received);
        assertEquals(0, a.stats().retransmissions());
    }
}
