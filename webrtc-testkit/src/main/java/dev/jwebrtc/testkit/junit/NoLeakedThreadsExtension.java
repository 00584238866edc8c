package dev.jwebrtc.testkit.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a thread named {@code jwebrtc-*} alive.
 *
 * <p>Every thread jwebrtc starts carries that prefix (DTLS handshake workers, Netty event loops, timers),
 * and closing a peer connection or factory must stop them. Threads alive before the test are ignored, so a
 * leak is blamed on the test that caused it. Threads get a grace period to finish after {@code close()}
 * returns, because closing is asynchronous by design.
 */
public final class NoLeakedThreadsExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The prefix of every thread jwebrtc creates. */
    public static final String THREAD_PREFIX = "jwebrtc-";

    /** How long a thread may take to end after the test returns. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoLeakedThreadsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass(context)) {
            context.getStore(NAMESPACE).put(context.getUniqueId(), liveThreads());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass(context)) {
            check(context, "test class");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass(context)) {
            context.getStore(NAMESPACE).put(context.getUniqueId(), liveThreads());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass(context)) {
            check(context, "test");
        }
    }

    private static boolean perClass(ExtensionContext context) {
        return context.getTestClass().map(c -> c.isAnnotationPresent(CheckThreadsAfterAll.class)).orElse(false);
    }

    private static void check(ExtensionContext context, String what) {
        @SuppressWarnings("unchecked")
        Set<Thread> before = context.getStore(NAMESPACE).remove(context.getUniqueId(), Set.class);
        List<Thread> leaked = awaitLeaked(before == null ? Set.of() : before, DEFAULT_GRACE);
        if (!leaked.isEmpty()) {
            throw new AssertionError(what + " left " + leaked.size() + " jwebrtc thread(s) alive after "
                    + DEFAULT_GRACE.toMillis() + " ms:\n" + describe(leaked));
        }
    }

    /** The live threads whose name starts with {@link #THREAD_PREFIX}. */
    public static Set<Thread> liveThreads() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(THREAD_PREFIX)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Waits up to {@code grace} for every jwebrtc thread not in {@code before} to end, and returns those still alive.
     */
    public static List<Thread> awaitLeaked(Set<Thread> before, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Thread> leaked = new ArrayList<>();
        for (Thread t : liveThreads()) {
            if (before.contains(t)) {
                continue;
            }
            long leftMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            try {
                t.join(Math.max(1, leftMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + t.getName(), e);
            }
            if (t.isAlive()) {
                leaked.add(t);
            }
        }
        return leaked;
    }

    private static String describe(List<Thread> threads) {
        return threads.stream()
                .map(t -> "  " + t.getName() + " (" + t.getState() + ")\n"
                        + Arrays.stream(t.getStackTrace()).limit(8)
                                .map(f -> "      at " + f).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
