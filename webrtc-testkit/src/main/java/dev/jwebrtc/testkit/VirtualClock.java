package dev.jwebrtc.testkit;

import java.time.Duration;

/**
 * Simulated monotonic time in nanoseconds. Only the test (or a {@link Stepper}) moves it, and only forward.
 *
 * <p>It starts at a non-zero origin on purpose, so that code which treats {@code 0} as "never" or mixes
 * up relative and absolute times fails in tests rather than in production.
 */
public final class VirtualClock {

    /** Where a new clock starts: one simulated hour, far enough from zero to expose "0 means unset" bugs. */
    public static final long DEFAULT_ORIGIN_NANOS = Duration.ofHours(1).toNanos();

    private final long originNanos;
    private long nowNanos;

    public VirtualClock() {
        this(DEFAULT_ORIGIN_NANOS);
    }

    public VirtualClock(long originNanos) {
        this.originNanos = originNanos;
        this.nowNanos = originNanos;
    }

    /** The current simulated time. */
    public long nanos() {
        return nowNanos;
    }

    /** Time elapsed since the clock was created. */
    public Duration elapsed() {
        return Duration.ofNanos(nowNanos - originNanos);
    }

    /** Moves the clock to {@code targetNanos}; moving backwards is a test bug and throws. */
    public void advanceTo(long targetNanos) {
        if (targetNanos < nowNanos) {
            throw new IllegalArgumentException(
                    "virtual time cannot go back: now " + nowNanos + " ns, asked for " + targetNanos + " ns");
        }
        nowNanos = targetNanos;
    }

    /** Moves the clock forward by {@code delta} (which must not be negative). */
    public void advance(Duration delta) {
        if (delta.isNegative()) {
            throw new IllegalArgumentException("negative advance: " + delta);
        }
        advanceTo(Math.addExact(nowNanos, delta.toNanos()));
    }

    @Override
    public String toString() {
        return "VirtualClock[t=" + elapsed() + "]";
    }
}
