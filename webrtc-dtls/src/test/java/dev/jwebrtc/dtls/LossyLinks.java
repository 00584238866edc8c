package dev.jwebrtc.dtls;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Seeded link behaviours for {@link DtlsPair}. */
final class LossyLinks {

    private LossyLinks() {
    }

    /** Drops the datagrams with the given indexes (0 = first sent on this direction). */
    static DtlsPair.Link dropIndexes(int... indexes) {
        AtomicInteger counter = new AtomicInteger();
        return datagram -> {
            int i = counter.getAndIncrement();
            for (int drop : indexes) {
                if (drop == i) {
                    return List.of();
                }
            }
            return List.of(datagram);
        };
    }

    /** Drops each datagram with probability {@code loss}. */
    static DtlsPair.Link randomLoss(double loss, long seed) {
        Random random = new Random(seed);
        return datagram -> {
            synchronized (random) {
                return random.nextDouble() < loss ? List.of() : List.of(datagram);
            }
        };
    }

    /**
     * Holds each datagram back with probability {@code probability} and releases it after the next one, so that
     * the two arrive swapped; a held datagram left alone goes out when the link is idle.
     */
    static DtlsPair.Link reorder(double probability, long seed) {
        Random random = new Random(seed);
        return new DtlsPair.Link() {
            private final List<byte[]> held = new ArrayList<>();

            @Override
            public synchronized List<byte[]> carry(byte[] datagram) {
                if (random.nextDouble() < probability) {
                    held.add(datagram);
                    return List.of();
                }
                List<byte[]> out = new ArrayList<>();
                out.add(datagram);
                out.addAll(held);
                held.clear();
                return out;
            }

            @Override
            public synchronized List<byte[]> flush() {
                List<byte[]> out = List.copyOf(held);
                held.clear();
                return out;
            }
        };
    }
}
