package io.holdfast.routes;

import io.holdfast.common.docker.DetachKeys;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogQuery;
import io.holdfast.spi.logs.LogSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /containers/{id}/attach}: the container's output from now on (and its log before, with
 * {@code logs=1}) in Docker's multiplexed stream, until it exits. The output is read from the log its monitor writes,
 * so an attach sees exactly what {@code logs} would, the engine holds no pipe a restart could break, and a client
 * that attaches again after an engine restart finds everything written meanwhile in the log.
 *
 * <p>The client ({@code docker run}) attaches before it starts the container: the answer is sent only once the
 * reader stands at the log's end, so not a line of the first output is lost. With {@code stdin=1} on a container
 * created with an open stdin, what the client sends goes to the container ({@link StdinPump}).
 *
 * <p>A container with a terminal gets its output raw, piece by piece as the terminal wrote it, its client's detach
 * keys ({@code detachKeys}, by default {@code ctrl-p,ctrl-q}) end the attach and leave the container running, and
 * {@code POST /containers/{id}/resize} sets its terminal's size.
 */
final class AttachRoutes {
    private static final Logger LOG = Logger.getLogger(AttachRoutes.class.getName());
    static final String STREAM_TYPE = "application/vnd.docker.raw-stream";
    private static final long POSITION_WAIT_SECONDS = 30;
    private static final long DETACH_GRACE_MILLIS = 250;
    static final String DEFAULT_DETACH_KEYS = "ctrl-p,ctrl-q";

    private final Supplier<Containers> containers;
    private final Supplier<ContainerLogs> logs;

    AttachRoutes(Supplier<Containers> containers, Supplier<ContainerLogs> logs) {
        this.containers = containers;
        this.logs = logs;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/attach", this::attach)
                .add("POST", "/containers/{id}/resize", e -> {
                    containers.get().resize(e.pathParam(0), size(e, "h"), size(e, "w"));
                    e.sendEmpty(200);
                });
    }

    /** A terminal dimension from the query: required, at least 1. */
    static int size(ApiExchange e, String name) {
        String value = e.query(name);
        if (value == null || value.isEmpty()) {
            throw new EngineException(Kind.INVALID, "query parameters h and w are required");
        }
        int size = e.intQuery(name, 0);
        if (size < 1) {
            throw new EngineException(Kind.INVALID, "query parameter " + name + "=" + value + ": must be at least 1");
        }
        return size;
    }

    /** The detach keys a terminal client asked for, or Docker's default. */
    static byte[] detachKeys(ApiExchange e, String fromRequest) {
        String keys = fromRequest == null || fromRequest.isEmpty() ? DEFAULT_DETACH_KEYS : fromRequest;
        try {
            return DetachKeys.parse(keys);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        }
    }

    private void attach(ApiExchange e) throws Exception {
        Containers lifecycle = containers.get();
        ContainerRecord record = lifecycle.get(e.pathParam(0));
        boolean stdout = e.flag("stdout");
        boolean stderr = e.flag("stderr");
        boolean follow = e.flag("stream");
        if (!stdout && !stderr && !e.flag("stdin")) {
            throw new EngineException(Kind.INVALID, "you must choose at least one stream (stdin, stdout, stderr)");
        }
        ContainerStatus status = record.state().status();
        if (follow && (status == ContainerStatus.EXITED || status == ContainerStatus.DEAD)) {
            throw new EngineException(Kind.CONFLICT, "You cannot attach to a stopped container, start it first");
        }
        CompletableFuture<Integer> until = !follow ? CompletableFuture.completedFuture(0)
                : status == ContainerStatus.CREATED ? lifecycle.awaitNextExit(record.id())
                : lifecycle.awaitExit(record.id());
        boolean tty = record.spec().process().tty();
        byte[] detachKeys = tty ? detachKeys(e, e.query("detachKeys")) : new byte[0];
        LogQuery query = new LogQuery(e.flag("logs") ? -1 : 0, follow, tty);
        Path logFile = Path.of(record.logPath());
        if (!e.wantsUpgrade()) { // an old-style client: the stream is this response's body, on this thread
            try (OutputStream out = e.stream(200, STREAM_TYPE)) {
                LogFrames frames = new LogFrames(out, stdout, stderr, false, tty);
                logs.get().read(logFile, query, until, frames);
                frames.caughtUp();
            }
            return;
        }
        RawStream stream = e.upgrade(STREAM_TYPE);
        CountDownLatch positioned = new CountDownLatch(1);
        LogFrames frames = new LogFrames(stream.output(), stdout, stderr, false, tty);
        ContainerLogs reader = logs.get();
        Thread copier = new Thread(() -> copy(reader, logFile, query, until, frames, positioned, stream),
                "holdfast-attach-" + record.shortId());
        copier.setDaemon(true);
        if (e.flag("stdin") && record.spec().stdin().open()) {
            StdinPump pump = new StdinPump(StdinTarget.container(containers, record.id()), record.shortId(),
                    () -> endSoon(copier));
            // detach keys only for a terminal, as Docker: a pipe's bytes are data, whatever their values
            stream.input(tty ? new DetachKeyFilter(pump, detachKeys, () -> endSoon(copier)) : pump);
            pump.start("holdfast-stdin-" + record.shortId());
        }
        copier.start();
        stream.closed().thenRun(copier::interrupt);
        if (!positioned.await(POSITION_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warning("attach to " + record.shortId() + ": the log reader did not start within "
                    + POSITION_WAIT_SECONDS + " s; output written meanwhile may be missing from the stream");
        }
        // returning sends 101 and hands the connection to the stream the copier writes to
    }

    /**
     * Ends an attach whose client stopped sending to a container that keeps its stdin: after a moment, so that
     * what the container answered to the last input (written to its log meanwhile) still reaches the client.
     */
    private static void endSoon(Thread copier) {
        CompletableFuture.delayedExecutor(DETACH_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(copier::interrupt);
    }

    private static void copy(ContainerLogs reader, Path logFile, LogQuery query, CompletableFuture<Integer> until,
                             LogFrames frames, CountDownLatch positioned, RawStream stream) {
        LogSink sink = new LogSink() {
            @Override
            public void accept(LogEntry entry) {
                frames.accept(entry);
            }

            @Override
            public void caughtUp() {
                frames.caughtUp();
                positioned.countDown();
            }
        };
        try {
            reader.read(logFile, query, until, sink);
            frames.caughtUp();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "attach stream ended early", e);
        } finally {
            positioned.countDown();
            try {
                stream.output().close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing an attach stream", e);
            }
        }
    }
}
