package io.holdfast.routes;

import io.holdfast.docker.model.WaitResponse;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code POST /containers/{id}/wait?condition=not-running|next-exit|removed}. The status line and headers go out at
 * once and the body when the condition is met: the docker CLI waits for the headers before it starts the container
 * it runs, so holding them back would hang {@code docker run} for good. No thread waits meanwhile: the body is
 * written when the supervisor's exit future completes (asked again of the next supervisor after a swap), so any
 * number of waits leave the API free.
 */
final class WaitRoutes {
    private static final Logger LOG = Logger.getLogger(WaitRoutes.class.getName());
    /** How often a {@code removed} wait looks whether the exited container is gone yet. */
    private static final long REMOVAL_CHECK_MILLIS = 250;

    private final Supplier<Containers> containers;
    private final Function<Containers, CompletableFuture<Containers>> nextRevision;
    private final StreamThreads streams;

    WaitRoutes(Supplier<Containers> containers, Function<Containers, CompletableFuture<Containers>> nextRevision,
               StreamThreads streams) {
        this.containers = containers;
        this.nextRevision = nextRevision;
        this.streams = streams;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/wait", this::await);
    }

    private void await(ApiExchange e) {
        String condition = e.query("condition");
        condition = condition == null || condition.isEmpty() ? "not-running" : condition;
        if (!condition.equals("not-running") && !condition.equals("next-exit") && !condition.equals("removed")) {
            throw new EngineException(Kind.INVALID, "wait condition \"" + condition
                    + "\": expected not-running, next-exit or removed");
        }
        Containers revision = containers.get();
        ContainerRecord record = revision.get(e.pathParam(0)); // a 404 still has its own status line
        boolean nextExit = condition.equals("next-exit")
                || condition.equals("removed") && record.state().status() == ContainerStatus.CREATED;
        CompletableFuture<Integer> exit = RevisionExit.of(revision, nextRevision,
                nextExit ? Containers::awaitNextExit : Containers::awaitExit, record.id());
        // refused at once (removed since it was looked up: an --rm container): a status line of its own, before
        // the 200 goes out, so a client tells "gone" from an answer it cannot read
        Throwable refused = exit.handle((code, failure) -> failure).getNow(null);
        if (refused != null && RevisionExit.unwrap(refused) instanceof EngineException engine) {
            throw engine;
        }
        OpenResponse out = streams.track(e.open(200, "application/json"));
        out.onEnd(() -> exit.cancel(false));
        boolean removed = condition.equals("removed");
        exit.whenComplete((code, failure) -> {
            if (failure != null) {
                if (!out.ended()) { // the headers are out: the failure goes in Docker's Error field, never an empty body
                    Throwable why = RevisionExit.unwrap(failure);
                    LOG.warning("wait for " + record.id() + " ended without an exit code: " + why);
                    answer(out, new WaitResponse(-1, new WaitResponse.WaitError(String.valueOf(why.getMessage()))));
                }
            } else if (removed) {
                awaitRemoval(record.id(), code, out);
            } else {
                answer(out, code);
            }
        });
    }

    /** Looks again every {@value #REMOVAL_CHECK_MILLIS} ms, on the shared timer, until the container is gone. */
    private void awaitRemoval(String id, int code, OpenResponse out) {
        if (out.ended()) {
            return;
        }
        nextRevision.apply(null).thenAccept(revision -> {
            if (exists(revision, id)) {
                streams.timer().schedule(() -> awaitRemoval(id, code, out), REMOVAL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                answer(out, code);
            }
        }).exceptionally(failure -> {
            LOG.warning("wait for the removal of " + id + " failed: " + failure);
            out.fail(failure);
            return null;
        });
    }

    private static void answer(OpenResponse out, int code) {
        answer(out, new WaitResponse(code, null));
    }

    private static void answer(OpenResponse out, WaitResponse response) {
        try {
            out.finish(ApiExchange.JSON.writeValueAsBytes(response));
        } catch (java.io.IOException e) {
            out.fail(e);
        }
    }

    private static boolean exists(Containers revision, String id) {
        try {
            revision.get(id);
            return true;
        } catch (EngineException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
