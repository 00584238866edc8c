package dev.jwebrtc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes Netty's paranoid leak detection fail tests instead of only logging: every resource leak Netty reports is
 * recorded, and after each test class the extension collects garbage, lets Netty poll for leaked objects, and
 * fails the class if any leak was reported. Registered for every test of this module through
 * {@code META-INF/services}; it installs its detector factory before any Netty buffer class is loaded.
 *
 * <p>Leak detection is driven by garbage collection, so a leak is caught at the end of the class that caused it,
 * or at the latest at the end of a later class.
 */
public final class NettyLeakExtension implements AfterAllCallback {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = collectLeaks(3);
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource leak(s) reported during or before "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /**
     * Runs up to {@code rounds} rounds of garbage collection and tracked allocation (which is when Netty looks for
     * collected, unreleased objects) and returns, then forgets, every leak reported so far.
     */
    public static List<String> collectLeaks(int rounds) {
        for (int i = 0; i < rounds && LEAKS.isEmpty(); i++) {
            System.gc();
            System.runFinalization();
            for (int j = 0; j < 64; j++) {
                ByteBuf probe = (j % 2 == 0 ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT).buffer(8);
                probe.release();
            }
        }
        List<String> out = new ArrayList<>();
        String leak;
        while ((leak = LEAKS.poll()) != null) {
            out.add(leak);
        }
        return out;
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval, maxActive) {
                @Override
                protected boolean needReport() {
                    return true;
                }

                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add("LEAK: " + resourceType + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add("LEAK: " + resourceType + " (untraced)");
                }
            };
        }
    }
}
