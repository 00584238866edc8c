package dev.jwebrtc.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NoLeakedThreadsExtensionTest {

    @Test
    void aLiveJwebrtcThreadStartedAfterTheSnapshotIsALeak() throws InterruptedException {
        Set<Thread> before = NoLeakedThreadsExtension.liveThreads();
        CountDownLatch release = new CountDownLatch(1);
        Thread leak = new Thread(() -> awaitQuietly(release), "jwebrtc-test-leak");
        Thread other = new Thread(() -> awaitQuietly(release), "someone-elses-thread");
        leak.start();
        other.start();
        try {
            List<Thread> leaked = NoLeakedThreadsExtension.awaitLeaked(before, Duration.ofMillis(50));
            assertEquals(List.of(leak), leaked, "only jwebrtc-* threads count");
        } finally {
            release.countDown();
            leak.join();
            other.join();
        }
        assertTrue(NoLeakedThreadsExtension.awaitLeaked(before, Duration.ofMillis(50)).isEmpty());
    }

    @Test
    void aThreadThatEndsWithinTheGracePeriodIsNoLeak() throws InterruptedException {
        Set<Thread> before = NoLeakedThreadsExtension.liveThreads();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread closing = new Thread(() -> {
            started.countDown();
            awaitQuietly(release);
        }, "jwebrtc-test-closing");
        closing.start();
        started.await();
        // Released from another thread shortly after the check starts, as a close() that finishes asynchronously.
        Thread releaser = new Thread(release::countDown, "releaser");
        releaser.start();
        assertTrue(NoLeakedThreadsExtension.awaitLeaked(before, Duration.ofSeconds(5)).isEmpty());
        releaser.join();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
