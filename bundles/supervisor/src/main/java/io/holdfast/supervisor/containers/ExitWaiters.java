package io.holdfast.supervisor.containers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Futures that complete with a container's exit code the next time it exits ({@code wait}, {@code stop}). */
final class ExitWaiters {
    private final Map<String, List<CompletableFuture<Integer>>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Integer> next(String id) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        waiting.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(future);
        future.whenComplete((code, failure) -> {
            if (future.isCancelled()) {
                forget(id, future); // its waiter went away (an API client that hung up): nothing to hold on to
            }
        });
        return future;
    }

    /** Drops a future that will not be needed (the container was not running after all). */
    void forget(String id, CompletableFuture<Integer> future) {
        List<CompletableFuture<Integer>> futures = waiting.get(id);
        if (futures != null) {
            futures.remove(future);
        }
    }

    void exited(String id, int code) {
        List<CompletableFuture<Integer>> futures = waiting.remove(id);
        if (futures != null) {
            futures.forEach(f -> f.complete(code));
        }
    }

    /**
     * Cancels every future: this supervisor revision is stopping and will hear no more exits; the API asks the next
     * revision instead of waiting for good.
     */
    void cancelAll() {
        for (String id : List.copyOf(waiting.keySet())) {
            List<CompletableFuture<Integer>> futures = waiting.remove(id);
            if (futures != null) {
                futures.forEach(f -> f.cancel(false));
            }
        }
    }

    void removed(String id) {
        List<CompletableFuture<Integer>> futures = waiting.remove(id);
        if (futures != null) {
            futures.forEach(f -> f.complete(0));
        }
    }
}
