package dev.jwebrtc.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Moves {@link NoLeakedThreadsExtension}'s check from after each test to after the whole class, for classes that
 * share a resource across tests (a factory made in {@code @BeforeAll} whose threads start lazily in the first test).
 * The class as a whole must still leave no {@code jwebrtc-*} thread behind.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface CheckThreadsAfterAll {}
