package dev.jwebrtc.testkit;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one direction of a link does to the packets that cross it. Immutable; build with {@link #builder()}.
 *
 * <p>The stages, in the order {@link Netem} applies them to each packet: MTU check (larger packets are
 * dropped), loss (random or burst), rate limit (serialization at {@code rateBitsPerSecond} behind a queue of
 * {@code queueBytes}, tail drop when full), propagation delay ({@code latency} plus uniform jitter in
 * {@code [-jitter, +jitter]}, never below zero), reordering and duplication. Without reordering a link
 * never lets a packet overtake an earlier one, however large the jitter, as on a real single path.
 *
 * @param latencyNanos fixed one-way delay
 * @param jitterNanos half-width of the uniform jitter added to the delay
 * @param loss independent loss probability per packet
 * @param burstLoss burst loss model, applied in addition to {@code loss}; {@code null} for none
 * @param duplicate probability that a delivered packet arrives twice
 * @param reorder probability that a packet is held back by {@code reorderDelayNanos}, letting later ones pass
 * @param reorderDelayNanos how long a reordered packet is held back
 * @param rateBitsPerSecond link rate; 0 for unlimited
 * @param queueBytes queue in front of a rate-limited link; packets that do not fit are dropped
 * @param mtu the largest payload that crosses; 0 for unlimited
 */
public record NetemConfig(
        long latencyNanos,
        long jitterNanos,
        double loss,
        @Nullable GilbertElliott burstLoss,
        double duplicate,
        double reorder,
        long reorderDelayNanos,
        long rateBitsPerSecond,
        int queueBytes,
        int mtu) {

    /** A perfect link: no delay, no loss, no limit. */
    public static final NetemConfig NONE = builder().build();

    public NetemConfig {
        checkNonNegative("latency", latencyNanos);
        checkNonNegative("jitter", jitterNanos);
        checkProbability("loss", loss);
        checkProbability("duplicate", duplicate);
        checkProbability("reorder", reorder);
        checkNonNegative("reorder delay", reorderDelayNanos);
        checkNonNegative("rate", rateBitsPerSecond);
        checkNonNegative("queue", queueBytes);
        checkNonNegative("mtu", mtu);
        if (reorder > 0 && reorderDelayNanos == 0) {
            throw new IllegalArgumentException("reordering needs a positive reorder delay");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.latencyNanos = latencyNanos;
        b.jitterNanos = jitterNanos;
        b.loss = loss;
        b.burstLoss = burstLoss;
        b.duplicate = duplicate;
        b.reorder = reorder;
        b.reorderDelayNanos = reorderDelayNanos;
        b.rateBitsPerSecond = rateBitsPerSecond;
        b.queueBytes = queueBytes;
        b.mtu = mtu;
        return b;
    }

    /** The long-run loss probability from both loss stages (before any queue drops). */
    public double expectedLoss() {
        double burst = burstLoss == null ? 0 : burstLoss.meanLoss();
        return 1 - (1 - loss) * (1 - burst);
    }

    static void checkProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + value);
        }
    }

    private static void checkNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /** Builds a {@link NetemConfig}; every stage is off until set. */
    public static final class Builder {
        private long latencyNanos;
        private long jitterNanos;
        private double loss;
        private @Nullable GilbertElliott burstLoss;
        private double duplicate;
        private double reorder;
        private long reorderDelayNanos;
        private long rateBitsPerSecond;
        private int queueBytes = 64 * 1024;
        private int mtu;

        private Builder() {}

        public Builder latency(Duration latency) {
            this.latencyNanos = latency.toNanos();
            return this;
        }

        public Builder jitter(Duration jitter) {
            this.jitterNanos = jitter.toNanos();
            return this;
        }

        public Builder loss(double probability) {
            this.loss = probability;
            return this;
        }

        public Builder burstLoss(GilbertElliott model) {
            this.burstLoss = Objects.requireNonNull(model, "model");
            return this;
        }

        public Builder duplicate(double probability) {
            this.duplicate = probability;
            return this;
        }

        public Builder reorder(double probability, Duration extraDelay) {
            this.reorder = probability;
            this.reorderDelayNanos = extraDelay.toNanos();
            return this;
        }

        /** Limits the link to {@code bitsPerSecond}, with a queue of {@code queueBytes} (tail drop). */
        public Builder rate(long bitsPerSecond, int queueBytes) {
            this.rateBitsPerSecond = bitsPerSecond;
            this.queueBytes = queueBytes;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public NetemConfig build() {
            return new NetemConfig(latencyNanos, jitterNanos, loss, burstLoss, duplicate, reorder,
                    reorderDelayNanos, rateBitsPerSecond, queueBytes, mtu);
        }
    }
}
