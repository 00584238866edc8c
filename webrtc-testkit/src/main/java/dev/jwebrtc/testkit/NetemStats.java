package dev.jwebrtc.testkit;

/**
 * Counters of one {@link Netem}, as a snapshot.
 *
 * @param offered packets handed to the link
 * @param delivered packets scheduled for delivery, duplicates included
 * @param lost packets dropped by random or burst loss
 * @param queueDropped packets dropped because the rate limiter's queue was full
 * @param mtuDropped packets dropped for being larger than the MTU
 * @param duplicated extra copies delivered
 * @param reordered packets held back so that later packets overtook them
 */
public record NetemStats(
        long offered, long delivered, long lost, long queueDropped, long mtuDropped, long duplicated, long reordered) {

    /** Every packet dropped for any reason. */
    public long dropped() {
        return lost + queueDropped + mtuDropped;
    }
}
