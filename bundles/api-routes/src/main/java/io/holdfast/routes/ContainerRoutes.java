package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogQuery;
import io.holdfast.common.docker.DockerViews;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@code /containers/...}: Docker's container endpoints over {@link Containers}. */
final class ContainerRoutes {
    private final Supplier<Containers> containers;
    private final Supplier<ContainerLogs> logs;

    ContainerRoutes(Supplier<Containers> containers, Supplier<ContainerLogs> logs) {
        this.containers = containers;
        this.logs = logs;
    }

    void register(Router router) {
        router.add("GET", "/containers/json", this::list)
                .add("POST", "/containers/create", this::create)
                .add("GET", "/containers/{id}/json", e -> e.sendJson(200, DockerViews.inspect(c().get(e.pathParam(0)))))
                .add("POST", "/containers/{id}/start", this::start)
                .add("POST", "/containers/{id}/stop", this::stop)
                .add("POST", "/containers/{id}/kill", this::kill)
                .add("POST", "/containers/{id}/wait", this::await)
                .add("GET", "/containers/{id}/logs", this::logs)
                .add("DELETE", "/containers/{id}", e -> {
                    c().remove(e.pathParam(0), e.flag("force"));
                    e.sendEmpty(204);
                });
    }

    private Containers c() {
        return containers.get();
    }

    private void list(ApiExchange e) throws Exception {
        boolean all = e.flag("all");
        Instant now = Instant.now();
        List<Map<String, Object>> views = new ArrayList<>();
        for (ContainerRecord record : c().list()) {
            if (all || record.state().running()) {
                views.add(DockerViews.summary(record, now));
            }
        }
        e.sendJson(200, views);
    }

    private void create(ApiExchange e) throws Exception {
        JsonNode body = e.jsonBody();
        JsonNode host = body.path("HostConfig");
        JsonNode policy = host.path("RestartPolicy");
        ContainerSpec spec;
        try {
            spec = new ContainerSpec(e.query("name"), body.path("Image").asText(null), strings(body.get("Cmd")),
                    strings(body.get("Env")),
                    new RestartPolicy(policy.path("Name").asText(""), policy.path("MaximumRetryCount").asInt(0)),
                    host.path("AutoRemove").asBoolean(false), host.path("NetworkMode").asText(null),
                    host.path("Runtime").asText(null),
                    body.path("StopTimeout").asInt(ContainerSpec.DEFAULT_STOP_TIMEOUT_SECONDS));
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        }
        ContainerRecord created = c().create(spec);
        e.sendJson(201, Map.of("Id", created.id(), "Warnings", List.of()));
    }

    private void start(ApiExchange e) {
        var state = c().get(e.pathParam(0)).state();
        if (state.running() && !state.paused()) { // a paused one: the supervisor's 409, as Docker answers
            e.sendEmpty(304);
            return;
        }
        c().start(e.pathParam(0));
        e.sendEmpty(204);
    }

    private void stop(ApiExchange e) {
        ContainerRecord record = c().get(e.pathParam(0));
        if (!record.state().running() && record.state().status() != io.holdfast.spi.container.ContainerStatus.RESTARTING) {
            e.sendEmpty(304);
            return;
        }
        int timeout = e.intQuery("t", record.spec().stopTimeoutSeconds());
        c().stop(record.id(), Duration.ofSeconds(Math.max(0, timeout)));
        e.sendEmpty(204);
    }

    private void kill(ApiExchange e) {
        String signal = e.query("signal");
        c().kill(e.pathParam(0), signal == null || signal.isEmpty() ? "KILL" : signal);
        e.sendEmpty(204);
    }

    private void await(ApiExchange e) throws Exception {
        String condition = e.query("condition");
        if (condition != null && !condition.isEmpty() && !condition.equals("not-running")
                && !condition.equals("next-exit")) {
            throw new EngineException(Kind.INVALID, "wait condition \"" + condition
                    + "\": expected not-running or next-exit");
        }
        int code = ("next-exit".equals(condition) ? c().awaitNextExit(e.pathParam(0))
                : c().awaitExit(e.pathParam(0))).get();
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("StatusCode", code);
        result.put("Error", null);
        e.sendJson(200, result);
    }

    private void logs(ApiExchange e) throws Exception {
        ContainerRecord record = c().get(e.pathParam(0));
        boolean stdout = e.flag("stdout");
        boolean stderr = e.flag("stderr");
        if (!stdout && !stderr) {
            throw new EngineException(Kind.INVALID, "Bad parameters: you must choose at least one stream");
        }
        String tail = e.query("tail");
        int lines = tail == null || tail.isEmpty() || tail.equals("all") ? -1 : e.intQuery("tail", -1);
        boolean follow = e.flag("follow") && record.state().running();
        CompletableFuture<Integer> exited = follow ? c().awaitExit(record.id()) : null;
        try (OutputStream out = e.stream(200, "application/vnd.docker.raw-stream")) {
            LogFrames frames = new LogFrames(out, stdout, stderr, e.flag("timestamps"));
            logs.get().read(Path.of(record.logPath()), new LogQuery(lines, follow), exited, frames);
            frames.caughtUp();
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isTextual()) {
            values.add(node.textValue());
            return values;
        }
        if (!node.isArray()) {
            throw new EngineException(Kind.INVALID, "expected an array of strings, found " + node);
        }
        node.forEach(item -> values.add(item.asText()));
        return values;
    }
}
