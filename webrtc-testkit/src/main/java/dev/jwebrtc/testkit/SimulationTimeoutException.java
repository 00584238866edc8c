package dev.jwebrtc.testkit;

/**
 * A {@link Stepper} could not reach the condition it was asked for: simulated time ran out, or nothing was
 * left to happen (no deadline, nothing in flight). The message names the seed that replays the run.
 */
public final class SimulationTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long seed;

    SimulationTimeoutException(String message, long seed) {
        super(message + " [seed " + seed + "; replay with -Djwebrtc.seed=" + seed + "]");
        this.seed = seed;
    }

    /** The seed of the network the run used. */
    public long seed() {
        return seed;
    }
}
