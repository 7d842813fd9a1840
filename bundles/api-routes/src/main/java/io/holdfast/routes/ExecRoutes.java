package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.common.docker.DetachKeys;
import io.holdfast.docker.model.ExecInspect;
import io.holdfast.docker.model.IdResponse;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Docker's exec endpoints over {@link Containers}: {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start},
 * {@code GET /exec/{id}/json}, {@code POST /exec/{id}/resize}.
 *
 * <p>An attached start streams the exec's output from the log its monitor writes, from its first byte until the
 * process has ended and everything it wrote has been read, in Docker's multiplexed stream; so the exit code is known
 * when the stream ends (the docker CLI asks for it right then). A start the runtime refuses writes the runtime's
 * error into the stream, as Docker does, and the exec's {@code ExitCode} says 126 or 127.
 */
final class ExecRoutes {
    private static final Logger LOG = Logger.getLogger(ExecRoutes.class.getName());
    private static final long HANDOVER_WAIT_SECONDS = 30;

    private final Supplier<Containers> containers;
    private final Supplier<ContainerLogs> logs;

    ExecRoutes(Supplier<Containers> containers, Supplier<ContainerLogs> logs) {
        this.containers = containers;
        this.logs = logs;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/exec", this::create)
                .add("POST", "/exec/{id}/start", this::start)
                .add("GET", "/exec/{id}/json", e -> e.sendJson(200, view(c().exec(e.pathParam(0)))))
                .add("POST", "/exec/{id}/resize", this::resize);
    }

    private Containers c() {
        return containers.get();
    }

    private void create(ApiExchange e) throws IOException {
        JsonNode body = e.jsonBody();
        ExecSpec spec = new ExecSpec(strings(body, "Cmd"), strings(body, "Env"), text(body, "WorkingDir"),
                text(body, "User"), bool(body, "Tty"), bool(body, "AttachStdin"), bool(body, "AttachStdout"),
                bool(body, "AttachStderr"), bool(body, "Privileged"), text(body, "DetachKeys"));
        ExecRecord created = c().createExec(e.pathParam(0), spec);
        e.sendJson(201, new IdResponse(created.id()));
    }

    private void start(ApiExchange e) throws Exception {
        JsonNode body = e.jsonBody();
        String id = e.pathParam(0);
        ExecRecord exec = c().exec(id);
        if (bool(body, "Detach")) {
            c().startExec(id);
            e.sendEmpty(200);
            return;
        }
        // refused as Docker words it, and before the connection is taken over
        if (exec.exitCode() != null) {
            throw new EngineException(Kind.CONFLICT, "Error: Exec command " + id + " has already run");
        }
        if (exec.running()) {
            throw new EngineException(Kind.CONFLICT, "Error: Exec command " + id + " is already running");
        }
        if (!e.wantsUpgrade()) { // an old-style client: the stream is this response's body, on this thread
            String failure = startAttached(exec);
            try (OutputStream out = e.stream(200, AttachRoutes.STREAM_TYPE)) {
                copy(exec, failure, out);
            }
            return;
        }
        byte[] detachKeys = AttachRoutes.detachKeys(e, exec.spec().detachKeys());
        RawStream stream = e.upgrade(AttachRoutes.STREAM_TYPE);
        Thread copier = new Thread(() -> {
            try (OutputStream out = stream.output()) {
                // started only once the client has the 101, as Docker does: a client that reads the answer's head
                // through a buffer of its own (the Python SDK) would lose output that came in the same read
                stream.opened().get(HANDOVER_WAIT_SECONDS, TimeUnit.SECONDS);
                String failure;
                try {
                    failure = startAttached(exec);
                } catch (EngineException refused) { // the client has its 101: the refusal goes in the stream
                    failure = refused.getMessage();
                }
                copy(exec, failure, out);
            } catch (IOException | RuntimeException | ExecutionException | TimeoutException ex) {
                LOG.log(Level.FINE, "exec stream ended early", ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "holdfast-exec-" + id.substring(0, 12));
        copier.setDaemon(true);
        if (exec.spec().attachStdin()) {
            StdinPump pump = new StdinPump(StdinTarget.exec(containers, id), "exec " + id, () -> { });
            // detach keys only for a terminal, as Docker: a pipe's bytes are data, whatever their values
            stream.input(exec.spec().tty() ? new DetachKeyFilter(pump, detachKeys, copier::interrupt) : pump);
            pump.start("holdfast-exec-stdin-" + id.substring(0, 12));
        }
        copier.start();
        stream.closed().thenRun(copier::interrupt);
        // returning sends 101 and hands the connection to the stream the copier writes to
    }

    /** Starts the exec; a failure is not the request's but the process's, told in the stream as Docker does. */
    private String startAttached(ExecRecord before) {
        try {
            c().startExec(before.id());
            return null;
        } catch (EngineException ex) {
            boolean triedAndFailed = !before.started() && c().exec(before.id()).exitCode() != null;
            if (!triedAndFailed) {
                throw ex; // nothing was tried (already run, container stopped): the request itself is refused
            }
            return ex.getMessage();
        }
    }

    /** The exec's output from its log, from the first byte until it has ended; or the error that kept it from starting. */
    private void copy(ExecRecord exec, String failure, OutputStream out) throws IOException {
        boolean tty = exec.spec().tty();
        LogFrames frames = new LogFrames(out, exec.spec().attachStdout(), exec.spec().attachStderr(), false, tty);
        if (failure != null) {
            byte[] text = (failure + "\r\n").getBytes(StandardCharsets.UTF_8);
            out.write(new byte[] {1, 0, 0, 0, (byte) (text.length >>> 24), (byte) (text.length >>> 16),
                    (byte) (text.length >>> 8), (byte) text.length});
            out.write(text);
            out.flush();
            return;
        }
        CompletableFuture<Integer> ended = c().awaitExec(exec.id());
        logs.get().read(Path.of(exec.logPath()), new LogQuery(-1, true, tty), ended, frames);
        frames.caughtUp();
    }

    /** An exec without a terminal has nothing to resize: Docker answers 200 and does nothing, and so does Holdfast. */
    private void resize(ApiExchange e) {
        c().resizeExec(e.pathParam(0), AttachRoutes.size(e, "h"), AttachRoutes.size(e, "w"));
        e.sendEmpty(200);
    }

    static ExecInspect view(ExecRecord exec) {
        List<String> cmd = exec.spec().cmd();
        return new ExecInspect(exec.id(), exec.running(), exec.exitCode(),
                new ExecInspect.ProcessConfig(exec.spec().tty(), cmd.isEmpty() ? "" : cmd.get(0),
                        cmd.size() < 2 ? List.of() : cmd.subList(1, cmd.size()), exec.spec().privileged(),
                        exec.spec().user()),
                exec.spec().attachStdin(), exec.spec().attachStderr(), exec.spec().attachStdout(), false,
                exec.containerId(), Base64.getEncoder().encodeToString(DetachKeys.parse(exec.spec().detachKeys())),
                exec.pid());
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isTextual()) {
            values.add(node.textValue());
            return values;
        }
        if (!node.isArray()) {
            throw new EngineException(Kind.INVALID, field + ": expected an array of strings, found " + node);
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new EngineException(Kind.INVALID, field + ": expected an array of strings, found " + node);
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new EngineException(Kind.INVALID, field + ": expected a string, found " + node);
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new EngineException(Kind.INVALID, field + ": expected true or false, found " + node);
        }
        return node.booleanValue();
    }
}
