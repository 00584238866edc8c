package dev.jwebrtc.testkit.junit;

/**
 * The seed of one simulated test run. Declare a parameter of this type in a test method and
 * {@link SeedExtension} supplies it; build every random source of the test from {@link #value()}.
 *
 * @param value the seed
 */
public record TestSeed(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
