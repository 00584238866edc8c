package dev.jwebrtc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void startsAwayFromZeroAndMovesOnlyWhenTold() {
        VirtualClock clock = new VirtualClock();
        assertNotEquals(0, clock.nanos());
        long t0 = clock.nanos();
        assertEquals(t0, clock.nanos());
        clock.advance(Duration.ofMillis(250));
        assertEquals(t0 + 250_000_000L, clock.nanos());
        assertEquals(Duration.ofMillis(250), clock.elapsed());
        clock.advanceTo(clock.nanos());
        assertEquals(Duration.ofMillis(250), clock.elapsed());
    }

    @Test
    void refusesToGoBackwards() {
        VirtualClock clock = new VirtualClock(1000);
        assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(999));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofNanos(-1)));
        assertEquals(1000, clock.nanos());
    }
}
