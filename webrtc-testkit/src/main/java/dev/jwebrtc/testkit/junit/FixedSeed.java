package dev.jwebrtc.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the default seed of a test (a regression found with that seed, say). The system property
 * {@code jwebrtc.seed} still overrides it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FixedSeed {
    long value();
}
