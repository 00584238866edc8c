package dev.jwebrtc.testkit.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Supplies {@link TestSeed} parameters and reports the seed of a failed test.
 *
 * <p>Where the seed comes from, first match wins:
 * <ol>
 *   <li>the system property {@code jwebrtc.seed}: a number replays one run; {@code random} picks a fresh seed
 *       (still printed on failure), for exploring;</li>
 *   <li>{@link FixedSeed} on the method or its class;</li>
 *   <li>a hash of the test's unique id, so every test has its own stable seed and CI runs are repeatable.</li>
 * </ol>
 * A failing test gets a suppressed exception that says {@code -Djwebrtc.seed=<seed>}.
 */
public final class SeedExtension implements ParameterResolver, TestExecutionExceptionHandler {

    /** The system property that overrides every seed. */
    public static final String SEED_PROPERTY = "jwebrtc.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeedExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestSeed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        try {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(
                    context.getUniqueId(), id -> new TestSeed(chooseSeed(context)), TestSeed.class);
        } catch (NumberFormatException e) {
            throw new ParameterResolutionException(
                    "-D" + SEED_PROPERTY + " must be a long or 'random': " + System.getProperty(SEED_PROPERTY), e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        TestSeed seed = context.getStore(NAMESPACE).get(context.getUniqueId(), TestSeed.class);
        if (seed != null) {
            throwable.addSuppressed(new SeedReport(seed.value()));
        }
        throw throwable;
    }

    static long chooseSeed(ExtensionContext context) {
        String property = System.getProperty(SEED_PROPERTY, "").trim();
        if (property.equalsIgnoreCase("random")) {
            return new SplittableRandom().nextLong();
        }
        if (!property.isEmpty()) {
            return Long.parseLong(property);
        }
        Optional<FixedSeed> fixed = context.getTestMethod().map(m -> m.getAnnotation(FixedSeed.class));
        if (fixed.isEmpty()) {
            fixed = context.getTestClass().map(c -> c.getAnnotation(FixedSeed.class));
        }
        if (fixed.isPresent()) {
            return fixed.get().value();
        }
        String id = context.getTestClass().map(Class::getName).orElse("")
                + "#" + context.getTestMethod().map(Method::getName).orElse("") + context.getDisplayName();
        return stableHash(id);
    }

    /** A 64-bit FNV-1a hash: stable across JVMs, unlike {@link String#hashCode()} mixed with nothing. */
    static long stableHash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Carries the seed of a failed run into the test report. */
    static final class SeedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeedReport(long seed) {
            super("simulation seed " + seed + "; replay with -D" + SEED_PROPERTY + "=" + seed, null, false, false);
        }
    }
}
