package io.holdfast.routes;

import io.holdfast.docker.model.WaitResponse;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code POST /containers/{id}/wait?condition=not-running|next-exit|removed}. The status line and headers go out at
 * once and the body when the condition is met: the docker CLI waits for the headers before it starts the container
 * it runs, so holding them back would hang {@code docker run} for good.
 */
final class WaitRoutes {
    private final Supplier<Containers> containers;
    private final Supplier<EngineEvents> events;

    WaitRoutes(Supplier<Containers> containers, Supplier<EngineEvents> events) {
        this.containers = containers;
        this.events = events;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/wait", this::await);
    }

    private void await(ApiExchange e) throws Exception {
        String condition = e.query("condition");
        condition = condition == null || condition.isEmpty() ? "not-running" : condition;
        if (!condition.equals("not-running") && !condition.equals("next-exit") && !condition.equals("removed")) {
            throw new EngineException(Kind.INVALID, "wait condition \"" + condition
                    + "\": expected not-running, next-exit or removed");
        }
        ContainerRecord record = containers.get().get(e.pathParam(0)); // a 404 still has its own status line
        boolean removed = condition.equals("removed");
        EngineEvents journal = events.get();
        try (EventSubscription removals = removed && journal != null ? journal.subscribe(null) : null;
             OutputStream out = e.stream(200, "application/json")) {
            out.flush();
            int code = exit(record, condition).get();
            if (removed) {
                awaitRemoval(record.id(), removals);
            }
            out.write(ApiExchange.JSON.writeValueAsBytes(new WaitResponse(code, null)));
        }
    }

    private CompletableFuture<Integer> exit(ContainerRecord record, String condition) {
        Containers lifecycle = containers.get();
        ContainerStatus status = record.state().status();
        if (condition.equals("next-exit") || condition.equals("removed") && status == ContainerStatus.CREATED) {
            return lifecycle.awaitNextExit(record.id());
        }
        return lifecycle.awaitExit(record.id());
    }

    /** Until the container is gone; events only wake the check up, so a dropped subscription merely slows it. */
    private void awaitRemoval(String id, EventSubscription removals) throws InterruptedException {
        while (exists(id)) {
            if (removals != null && removals.isOpen()) {
                removals.next(Duration.ofSeconds(1));
            } else {
                Thread.sleep(200); // no event journal to wake us: look again shortly
            }
        }
    }

    private boolean exists(String id) {
        try {
            containers.get().get(id);
            return true;
        } catch (EngineException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
