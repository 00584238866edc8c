package dev.jwebrtc.dtls.internal;

import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one shared pool that runs Bouncy Castle's blocking DTLS handshakes.
 *
 * <p>Threads are daemons named {@code jwebrtc-dtls-<n>}. A thread exists only while a handshake needs it: the pool
 * keeps no core threads, and an idle thread ends after {@link #KEEP_ALIVE_MILLIS}. At most {@link #MAX_THREADS}
 * handshakes run at once (system property {@code jwebrtc.dtls.maxHandshakeThreads}, default 32); further ones wait in
 * the queue, and their handshake timeout keeps running meanwhile.
 */
public final class HandshakeThreads {

    /** How long an idle pool thread lingers before it ends. */
    public static final long KEEP_ALIVE_MILLIS = 500;

    /** The most handshakes that run concurrently. */
    public static final int MAX_THREADS = Integer.getInteger("jwebrtc.dtls.maxHandshakeThreads", 32);

    /** The name prefix of every pool thread. */
    public static final String NAME_PREFIX = "jwebrtc-dtls-";

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private static final ThreadPoolExecutor POOL;

    static {
        ThreadFactory factory = task -> {
            Thread t = new Thread(task, NAME_PREFIX + NEXT_ID.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        POOL = new ThreadPoolExecutor(Math.max(1, MAX_THREADS), Math.max(1, MAX_THREADS),
                KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        POOL.allowCoreThreadTimeOut(true);
    }

    private HandshakeThreads() {
    }

    /** Runs {@code handshake} on a pool thread. */
    public static Future<?> submit(Runnable handshake) {
        return POOL.submit(handshake);
    }

    /** Pool threads alive right now (running or idling before they end). */
    public static int liveThreads() {
        return POOL.getPoolSize();
    }
}
