package dev.jwebrtc.testkit;

/**
 * Burst loss as a two-state Markov chain (the Gilbert-Elliott model).
 *
 * <p>Before each packet the chain moves: from GOOD to BAD with probability {@code p}, from BAD back to GOOD
 * with probability {@code r}. The packet is then lost with {@code lossGood} or {@code lossBad}, depending on
 * the state. In the long run the chain spends {@code p / (p + r)} of the packets in BAD, bursts last
 * {@code 1 / r} packets on average, and the loss rate is
 * {@code (r * lossGood + p * lossBad) / (p + r)} ({@link #meanLoss()}).
 *
 * @param p probability of GOOD to BAD per packet
 * @param r probability of BAD to GOOD per packet
 * @param lossGood loss probability in GOOD (usually 0)
 * @param lossBad loss probability in BAD (usually 1)
 */
public record GilbertElliott(double p, double r, double lossGood, double lossBad) {

    public GilbertElliott {
        NetemConfig.checkProbability("p", p);
        NetemConfig.checkProbability("r", r);
        NetemConfig.checkProbability("lossGood", lossGood);
        NetemConfig.checkProbability("lossBad", lossBad);
        if (p + r == 0) {
            throw new IllegalArgumentException("p and r cannot both be 0: the chain would never move");
        }
    }

    /** The classic Gilbert model: no loss in GOOD, every packet lost in BAD. */
    public static GilbertElliott gilbert(double p, double r) {
        return new GilbertElliott(p, r, 0, 1);
    }

    /** The long-run loss probability. */
    public double meanLoss() {
        return (r * lossGood + p * lossBad) / (p + r);
    }

    /** The mean number of consecutive packets spent in BAD. */
    public double meanBurstLength() {
        return r == 0 ? Double.POSITIVE_INFINITY : 1 / r;
    }
}
