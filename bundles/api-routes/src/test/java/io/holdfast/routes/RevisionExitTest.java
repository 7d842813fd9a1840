package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.Containers;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A wait that the stopping supervisor revision cancels is asked again of the next revision. */
class RevisionExitTest {
    private final Containers old = new FakeServices.NoContainers();
    private final Containers next = new FakeServices.NoContainers();
    private final Map<Containers, CompletableFuture<Integer>> asked = new HashMap<>();
    private final CompletableFuture<Containers> nextArrives = new CompletableFuture<>();

    private CompletableFuture<Integer> ask(Containers revision, String id) {
        assertEquals("c1", id);
        return asked.computeIfAbsent(revision, r -> new CompletableFuture<>());
    }

    private CompletableFuture<Containers> after(Containers previous) {
        assertTrue(previous == old, "asked for the revision after the one that stopped");
        return nextArrives;
    }

    @Test
    void aWaitCancelledByAStoppingRevisionCompletesWithTheNextRevisionsAnswer() {
        CompletableFuture<Integer> exit = RevisionExit.of(old, this::after, this::ask, "c1");
        asked.get(old).cancel(false); // the old supervisor stops
        assertFalse(exit.isDone(), "still waiting, for the next revision");
        nextArrives.complete(next);
        asked.get(next).complete(3);
        assertEquals(3, exit.join());
    }

    @Test
    void aClientThatLeavesCancelsTheQuestionItAsked() {
        CompletableFuture<Integer> exit = RevisionExit.of(old, this::after, this::ask, "c1");
        exit.cancel(false);
        assertTrue(asked.get(old).isCancelled(), "the supervisor may forget the waiter");
        assertFalse(nextArrives.isDone() || asked.containsKey(next), "no next revision is asked");
    }

    @Test
    void noNextRevisionFailsTheWaitWithTheReason() {
        CompletableFuture<Integer> exit = RevisionExit.of(old, this::after, this::ask, "c1");
        asked.get(old).cancel(false);
        nextArrives.completeExceptionally(new IllegalStateException("no supervisor came back within 30 s"));
        assertTrue(exit.isCompletedExceptionally());
        assertEquals("no supervisor came back within 30 s", exit.handle((v, e) -> e.getMessage()).join());
    }
}
