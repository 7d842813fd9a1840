package io.holdfast.routes;

import io.holdfast.spi.container.Containers;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A container's exit as the supervisor reports it, across supervisor swaps: a revision that stops cancels the
 * futures it handed out, and the question is then asked again of the next revision.
 *
 * <pre>{@code
 * CompletableFuture<Integer> code = RevisionExit.of(containers, revisions::after, (c, id) -> c.awaitExit(id), id);
 * }</pre>
 */
final class RevisionExit {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RevisionExit.class.getName());

    private RevisionExit() {
    }

    /**
     * Completes as {@code ask} does on {@code first}; when that is cancelled (the revision stopped), as {@code ask}
     * does on the next revision, and so on. Cancelling the returned future stops following.
     */
    static CompletableFuture<Integer> of(Containers first, Function<Containers, CompletableFuture<Containers>> after,
                                         BiFunction<Containers, String, CompletableFuture<Integer>> ask, String id) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        follow(first, after, ask, id, result);
        return result;
    }

    private static void follow(Containers revision, Function<Containers, CompletableFuture<Containers>> after,
                               BiFunction<Containers, String, CompletableFuture<Integer>> ask, String id,
                               CompletableFuture<Integer> result) {
        CompletableFuture<Integer> asked;
        try {
            asked = ask.apply(revision, id);
        } catch (RuntimeException e) {
            result.completeExceptionally(e); // e.g. the container was removed during the swap
            return;
        }
        result.whenComplete((code, failure) -> asked.cancel(false)); // a client that left stops the question
        asked.whenComplete((code, failure) -> {
            if (failure == null) {
                result.complete(code);
            } else if (unwrap(failure) instanceof CancellationException && !result.isDone()) {
                LOG.info(() -> "the supervisor revision stopped: waiting for " + id + "'s exit continues with the next");
                after.apply(revision).whenComplete((next, none) -> {
                    if (none != null) {
                        result.completeExceptionally(unwrap(none));
                    } else {
                        follow(next, after, ask, id, result);
                    }
                });
            } else {
                result.completeExceptionally(unwrap(failure));
            }
        });
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
