package io.holdfast.routes;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.PruneReport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Docker's container verbs beyond the lifecycle: restart, rename, pause, unpause and prune. */
final class ContainerVerbRoutes {
    private final Supplier<Containers> containers;

    ContainerVerbRoutes(Supplier<Containers> containers) {
        this.containers = containers;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/restart", this::restart)
                .add("POST", "/containers/{id}/rename", e -> {
                    containers.get().rename(e.pathParam(0), e.query("name"));
                    e.sendEmpty(204);
                })
                .add("POST", "/containers/{id}/pause", e -> {
                    containers.get().pause(e.pathParam(0));
                    e.sendEmpty(204);
                })
                .add("POST", "/containers/{id}/unpause", e -> {
                    containers.get().unpause(e.pathParam(0));
                    e.sendEmpty(204);
                })
                .add("POST", "/containers/prune", this::prune);
    }

    /** {@code t} is the seconds before SIGKILL; without it, the container's own stop timeout. */
    private void restart(ApiExchange e) {
        ContainerRecord record = containers.get().get(e.pathParam(0));
        int timeout = e.intQuery("t", record.spec().stopTimeoutSeconds());
        containers.get().restart(record.id(), Duration.ofSeconds(Math.max(0, timeout)));
        e.sendEmpty(204);
    }

    private void prune(ApiExchange e) throws Exception {
        PruneFilter filter = PruneFilter.parse(e.query("filters"), Instant.now());
        PruneReport report = containers.get().prune(c -> filter.accepts(c.created(), c.spec().labels()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ContainersDeleted", report.deleted().isEmpty() ? null : report.deleted());
        body.put("SpaceReclaimed", report.spaceReclaimed());
        e.sendJson(200, body);
    }
}
