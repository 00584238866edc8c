package dev.jwebrtc.sctp.internal;

/** A one-shot deadline in absolute nanoseconds with an expiry counter; the association polls it. */
public final class Timer {
    private long deadline = Long.MAX_VALUE;
    private int expirations;

    public void start(long nowNanos, long durationNanos) {
        deadline = nowNanos + durationNanos;
    }

    /** Starts only when not running. */
    public void startIfStopped(long nowNanos, long durationNanos) {
        if (!running()) {
            start(nowNanos, durationNanos);
        }
    }

    public void stop() {
        deadline = Long.MAX_VALUE;
        expirations = 0;
    }

    public boolean running() {
        return deadline != Long.MAX_VALUE;
    }

    /** True once when the deadline has passed; the timer is then stopped but keeps its expiry count. */
    public boolean expire(long nowNanos) {
        if (deadline <= nowNanos) {
            deadline = Long.MAX_VALUE;
            expirations++;
            return true;
        }
        return false;
    }

    public long deadline() {
        return deadline;
    }

    public int expirations() {
        return expirations;
    }
}
