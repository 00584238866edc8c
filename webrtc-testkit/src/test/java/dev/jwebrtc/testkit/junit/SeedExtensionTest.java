package dev.jwebrtc.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeedExtensionTest {

    @Test
    @FixedSeed(42)
    void fixedSeedIsHandedToTheTest(TestSeed seed) {
        // Unless -Djwebrtc.seed overrides every seed.
        String override = System.getProperty(SeedExtension.SEED_PROPERTY, "").trim();
        if (override.isEmpty()) {
            assertEquals(42, seed.value());
        } else if (!override.equals("random")) {
            assertEquals(Long.parseLong(override), seed.value());
        }
    }

    @Test
    void defaultSeedsAreStableHashesOfTheTestName() {
        long a = SeedExtension.stableHash("dev.example.FooTest#bar()");
        assertEquals(a, SeedExtension.stableHash("dev.example.FooTest#bar()"));
        assertNotEquals(a, SeedExtension.stableHash("dev.example.FooTest#baz()"));
        // FNV-1a of the empty string is its offset basis: pins the algorithm, so seeds do not drift between versions.
        assertEquals(0xcbf29ce484222325L, SeedExtension.stableHash(""));
    }

    @Test
    void failureReportNamesTheReplayProperty() {
        String message = new SeedExtension.SeedReport(-17).getMessage();
        assertEquals("simulation seed -17; replay with -Djwebrtc.seed=-17", message);
    }
}
