package dev.jwebrtc.dtls.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one shared pool that runs Bouncy Castle's blocking DTLS handshakes.
 *
 * <p>Threads are daemons named {@code jwebrtc-dtls-<n>}. A thread exists only while a handshake needs it: idle
 * threads are reused by the next handshake and end after {@link #KEEP_ALIVE_MILLIS} without work. At most
 * {@link #MAX_CONCURRENT} handshakes run at once (system property {@code jwebrtc.dtls.maxHandshakeThreads}, default
 * 32); further ones wait in a queue, and their handshake timeout keeps running meanwhile.
 */
public final class HandshakeThreads {

    /** How long an idle pool thread lingers before it ends. */
    public static final long KEEP_ALIVE_MILLIS = 250;

    /** The most handshakes that run concurrently. */
    public static final int MAX_CONCURRENT = Math.max(1, Integer.getInteger("jwebrtc.dtls.maxHandshakeThreads", 32));

    /** The name prefix of every pool thread. */
    public static final String NAME_PREFIX = "jwebrtc-dtls-";

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);
    private static final Semaphore SLOTS = new Semaphore(MAX_CONCURRENT);
    private static final ConcurrentLinkedQueue<Runnable> WAITING = new ConcurrentLinkedQueue<>();

    // A cached pool (no core threads, direct hand-off) so an idle thread is reused before a new one is made;
    // concurrency is bounded by SLOTS rather than by the executor.
    private static final ThreadPoolExecutor POOL;

    static {
        ThreadFactory factory = task -> {
            Thread t = new Thread(task, NAME_PREFIX + NEXT_ID.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), factory);
    }

    private HandshakeThreads() {
    }

    /** Runs {@code handshake} on a pool thread, now or as soon as fewer than {@link #MAX_CONCURRENT} run. */
    public static void submit(Runnable handshake) {
        WAITING.add(handshake);
        dispatch();
    }

    private static void dispatch() {
        // Each side writes (queue add / slot release) before it reads the other's state, so a task is never stranded.
        while (!WAITING.isEmpty() && SLOTS.tryAcquire()) {
            Runnable next = WAITING.poll();
            if (next == null) {
                SLOTS.release();
                continue;
            }
            POOL.execute(() -> {
                try {
                    next.run();
                } finally {
                    SLOTS.release();
                    dispatch();
                }
            });
        }
    }

    /** Pool threads alive right now (running a handshake or idling before they end). */
    public static int liveThreads() {
        return POOL.getPoolSize();
    }

    /** Handshakes running right now. */
    public static int running() {
        return MAX_CONCURRENT - SLOTS.availablePermits();
    }
}
