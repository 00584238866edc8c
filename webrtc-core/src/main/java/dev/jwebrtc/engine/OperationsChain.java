package dev.jwebrtc.engine;

import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The W3C operations chain (W3C webrtc §4.4.1.2): asynchronous operations of a peer connection (createOffer,
 * setLocalDescription, addIceCandidate...) run one at a time, in the order they were called, each starting
 * when the previous one has settled.
 *
 * <p>Runs on the peer connection's event loop: {@link #chain} is called there, and operations must complete
 * their futures there (or from a continuation that hops back). No locks.
 *
 * <p>One deliberate difference from W3C: when the connection closes, pending and later operations fail with
 * {@code InvalidStateError} instead of never settling, so that no Java caller waits forever on a future.
 */
public final class OperationsChain {

    private final Deque<Pending<?>> queue = new ArrayDeque<>();
    private boolean closed;

    /** Appends an operation; the returned future settles with the operation's result. */
    public <T> CompletableFuture<T> chain(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(closedError());
            return result;
        }
        queue.addLast(new Pending<>(operation, result));
        if (queue.size() == 1) {
            runHead();
        }
        return result;
    }

    /** Operations queued or running. */
    public int size() {
        return queue.size();
    }

    /** Fails every queued operation and every later one with {@code InvalidStateError}. */
    public void close() {
        closed = true;
        while (!queue.isEmpty()) {
            queue.pollFirst().result.completeExceptionally(closedError());
        }
    }

    private void runHead() {
        Pending<?> head = queue.peekFirst();
        if (head != null) {
            head.start(this);
        }
    }

    private void settled(Pending<?> op) {
        if (queue.peekFirst() == op) {
            queue.pollFirst();
            runHead();
        }
    }

    private static RTCException closedError() {
        return new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed");
    }

    private static final class Pending<T> {
        final Supplier<CompletableFuture<T>> operation;
        final CompletableFuture<T> result;

        Pending(Supplier<CompletableFuture<T>> operation, CompletableFuture<T> result) {
            this.operation = operation;
            this.result = result;
        }

        void start(OperationsChain chain) {
            CompletableFuture<T> running;
            try {
                running = operation.get();
            } catch (RuntimeException e) {
                running = CompletableFuture.failedFuture(e);
            }
            running.whenComplete((value, error) -> {
                if (chain.closed) {
                    result.completeExceptionally(closedError());
                } else if (error != null) {
                    result.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null ? error.getCause() : error);
                } else {
                    result.complete(value);
                }
                chain.settled(this);
            });
        }
    }
}
