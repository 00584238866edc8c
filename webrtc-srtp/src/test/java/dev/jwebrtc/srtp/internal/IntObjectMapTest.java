package dev.jwebrtc.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SSRC table behaves like a {@link HashMap} under random puts, gets and removes (incl. colliding runs). */
class IntObjectMapTest {

    @Test
    void behavesLikeAHashMap(TestSeed seed) {
        SplittableRandom rnd = new SplittableRandom(seed.value());
        IntObjectMap<String> map = new IntObjectMap<>();
        Map<Integer, String> model = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            int key = rnd.nextBoolean() ? rnd.nextInt(64) : rnd.nextInt();
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    map.put(key, "v" + i);
                    model.put(key, "v" + i);
                }
                case 1 -> assertEquals(model.remove(key) != null, map.remove(key), "remove " + key);
                default -> assertEquals(model.get(key), map.get(key), "get " + key);
            }
            assertEquals(model.size(), map.size());
        }
        for (Map.Entry<Integer, String> e : model.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
        }
    }
}
