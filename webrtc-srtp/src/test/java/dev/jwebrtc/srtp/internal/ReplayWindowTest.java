package dev.jwebrtc.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.srtp.internal.ReplayWindow.Verdict;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 3711 §3.3.2 replay list, against a plain set of everything accepted. */
class ReplayWindowTest {

    @Test
    void freshReplayedAndTooOld() {
        ReplayWindow w = new ReplayWindow(64);
        assertEquals(Verdict.FRESH, w.check(1000));
        w.accept(1000);
        assertEquals(Verdict.REPLAYED, w.check(1000));
        assertEquals(Verdict.FRESH, w.check(999));
        assertEquals(Verdict.FRESH, w.check(937));
        assertEquals(Verdict.TOO_OLD, w.check(936));
        w.accept(5000);
        assertEquals(Verdict.TOO_OLD, w.check(1000));
        assertEquals(Verdict.FRESH, w.check(4999), "a jump leaves no stale bits behind");
    }

    @Test
    void agreesWithAModelUnderRandomTraffic(TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        for (int size : new int[] {64, 100, 128, 1000}) {
            ReplayWindow w = new ReplayWindow(size);
            Set<Long> accepted = new HashSet<>();
            long highest = -1;
            long base = 10_000;
            for (int i = 0; i < 20_000; i++) {
                long index = base + i / 2 + rnd.nextInt(3 * size) - 2L * size;
                if (rnd.nextInt(50) == 0) {
                    index += rnd.nextInt(5 * size);
                }
                Verdict expected;
                if (index > highest) {
                    expected = Verdict.FRESH;
                } else if (highest - index >= size) {
                    expected = Verdict.TOO_OLD;
                } else {
                    expected = accepted.contains(index) ? Verdict.REPLAYED : Verdict.FRESH;
                }
                assertEquals(expected, w.check(index), "size " + size + " step " + i + " index " + index);
                if (expected == Verdict.FRESH) {
                    w.accept(index);
                    accepted.add(index);
                    highest = Math.max(highest, index);
                }
            }
        }
    }
}
