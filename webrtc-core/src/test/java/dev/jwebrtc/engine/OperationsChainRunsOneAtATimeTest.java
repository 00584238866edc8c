package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class OperationsChainRunsOneAtATimeTest {

    private final OperationsChain chain = new OperationsChain();
    private final List<String> log = new ArrayList<>();

    private CompletableFuture<String> op(String name, CompletableFuture<String> completion) {
        return chain.chain(() -> {
            log.add("start " + name);
            return completion;
        });
    }

    @Test
    void laterOperationsWaitUntilEarlierOnesSettle() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> a = op("a", first);
        CompletableFuture<String> b = op("b", second);
        assertEquals(List.of("start a"), log);
        assertEquals(2, chain.size());

        first.complete("A");
        assertEquals("A", a.get());
        assertEquals(List.of("start a", "start b"), log);
        assertFalse(b.isDone());
        second.complete("B");
        assertEquals("B", b.get());
        assertEquals(0, chain.size());
    }

    @Test
    void aFailedOperationRejectsOnlyItsOwnFutureAndTheChainGoesOn() throws Exception {
        CompletableFuture<String> a = chain.chain(() -> {
            throw new RTCException(RTCErrorType.INVALID_STATE, "boom");
        });
        CompletableFuture<String> b = op("b", CompletableFuture.completedFuture("B"));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, a::get);
        assertInstanceOf(RTCException.class, e.getCause());
        assertEquals("B", b.get());
    }

    @Test
    void closingFailsPendingAndLaterOperationsInsteadOfLeavingThemHanging() {
        CompletableFuture<String> running = new CompletableFuture<>();
        CompletableFuture<String> a = op("a", running);
        CompletableFuture<String> b = op("b", new CompletableFuture<>());
        chain.close();
        CompletableFuture<String> c = op("c", CompletableFuture.completedFuture("C"));
        for (CompletableFuture<String> f : List.of(a, b, c)) {
            assertTrue(f.isCompletedExceptionally());
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
            assertEquals(RTCErrorType.INVALID_STATE, ((RTCException) e.getCause()).type());
        }
        running.complete("late");
        assertEquals(List.of("start a"), log, "nothing after close started");
    }
}
