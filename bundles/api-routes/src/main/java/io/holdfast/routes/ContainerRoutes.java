package io.holdfast.routes;

import io.holdfast.common.docker.DockerViews;
import io.holdfast.docker.model.ContainerSummary;
import io.holdfast.docker.model.CreateResponse;
import io.holdfast.docker.model.UpdateResponse;
import io.holdfast.routes.create.CreateRequest;
import io.holdfast.routes.create.UpdateRequest;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogQuery;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@code /containers/...}: Docker's container endpoints over {@link Containers}. */
final class ContainerRoutes {
    private final Supplier<Containers> containers;
    private final Supplier<ContainerLogs> logs;
    private final Supplier<Images> images;

    private final Function<Containers, CompletableFuture<Containers>> nextRevision;
    private final StreamThreads streams;

    ContainerRoutes(Supplier<Containers> containers, Supplier<ContainerLogs> logs, Supplier<Images> images,
                    Function<Containers, CompletableFuture<Containers>> nextRevision, StreamThreads streams) {
        this.containers = containers;
        this.logs = logs;
        this.images = images;
        this.nextRevision = nextRevision;
        this.streams = streams;
    }

    void register(Router router) {
        router.add("GET", "/containers/json", this::list)
                .add("POST", "/containers/create", this::create)
                .add("GET", "/containers/{id}/json", this::inspect)
                .add("POST", "/containers/{id}/update", this::update)
                .add("POST", "/containers/{id}/start", this::start)
                .add("POST", "/containers/{id}/stop", this::stop)
                .add("POST", "/containers/{id}/kill", this::kill)
                .add("GET", "/containers/{id}/logs", this::logs)
                .add("DELETE", "/containers/{id}", e -> {
                    c().remove(e.pathParam(0), e.flag("force"), e.flag("v"));
                    e.sendEmpty(204);
                });
    }

    private Containers c() {
        return containers.get();
    }

    private void list(ApiExchange e) throws Exception {
        ContainerFilter filter = ContainerFilter.parse(e.query("filters"));
        List<ContainerRecord> all = c().list(); // newest first
        int limit = e.intQuery("limit", -1);
        // Docker: -a, a limit, or before/since filters list stopped containers too
        boolean includeStopped = e.flag("all") || limit > 0 || filter.reachesStopped();
        Instant now = Instant.now();
        boolean sized = e.flag("size");
        List<ContainerSummary> views = new ArrayList<>();
        for (ContainerRecord record : all) {
            if (!includeStopped && !record.state().running()) {
                continue;
            }
            ContainerSummary view = DockerViews.summary(record, now, null, null, c().publishedPorts(record.id()));
            if (filter.matches(record, view.ports(), all)) {
                views.add(sized ? sized(record, now) : view);
                if (views.size() == limit) {
                    break;
                }
            }
        }
        e.sendJson(200, views);
    }

    private void inspect(ApiExchange e) throws Exception {
        ContainerRecord record = c().get(e.pathParam(0));
        if (!e.flag("size")) {
            e.sendJson(200, DockerViews.inspect(record, null, null, c().publishedPorts(record.id())));
            return;
        }
        long rw = c().sizeRw(record.id());
        e.sendJson(200, DockerViews.inspect(record, rw, rw + imageSize(record), c().publishedPorts(record.id())));
    }

    /** {@code docker ps -s}: walks each container's layer, as Docker does, so it is asked for explicitly. */
    private ContainerSummary sized(ContainerRecord record, Instant now) {
        long rw = c().sizeRw(record.id());
        return DockerViews.summary(record, now, rw, rw + imageSize(record), c().publishedPorts(record.id()));
    }

    private long imageSize(ContainerRecord record) {
        try {
            return images.get().resolve(record.imageId()).size();
        } catch (EngineException gone) {
            return 0; // the image was removed with force: only the container's own layer is left to count
        }
    }

    private void update(ApiExchange e) throws Exception {
        ContainerRecord record = c().get(e.pathParam(0));
        UpdateRequest update = UpdateRequest.translate(record.spec(), e.jsonBody());
        c().update(record.id(), update.limits(), update.restartPolicy());
        e.sendJson(200, new UpdateResponse(List.of()));
    }

    private void create(ApiExchange e) throws Exception {
        var body = e.jsonBody();
        ContainerRecord created = c().create(io.holdfast.routes.create.VolumesFrom.apply(
                CreateRequest.translate(e.query("name"), body), body, c()));
        e.sendJson(201, new CreateResponse(created.id(), List.of()));
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

    private void logs(ApiExchange e) throws Exception {
        ContainerRecord record = c().get(e.pathParam(0));
        boolean stdout = e.flag("stdout");
        boolean stderr = e.flag("stderr");
        if (!stdout && !stderr) {
            throw new EngineException(Kind.INVALID, "Bad parameters: you must choose at least one stream");
        }
        String tail = e.query("tail");
        int lines = tail == null || tail.isEmpty() || tail.equals("all") ? -1 : e.intQuery("tail", -1);
        Instant now = Instant.now();
        Instant since = LogWindow.bound("since", e.query("since"), now);
        Instant until = LogWindow.bound("until", e.query("until"), now);
        // following ends at the exit, or once the clock passes until: later lines could not be shown anyway
        boolean follow = e.flag("follow") && record.state().running() && (until == null || until.isAfter(now));
        if (follow) {
            follow(e, record, new LogQuery(lines, true, record.spec().process().tty()), since, until, now);
            return;
        }
        try (OutputStream out = e.stream(200, "application/vnd.docker.raw-stream")) {
            boolean tty = record.spec().process().tty();
            LogFrames frames = new LogFrames(out, stdout, stderr, e.flag("timestamps"), tty);
            logs.get().read(Path.of(record.logPath()), new LogQuery(lines, false, tty), null,
                    new LogWindow(frames, since, until));
            frames.caughtUp();
        }
    }

    /**
     * {@code logs -f}: read on a follower thread (the reader blocks on the file), not on a request thread; ends at
     * the exit (asked again of the next supervisor after a swap), at {@code until}, or when the client leaves.
     */
    private void follow(ApiExchange e, ContainerRecord record, LogQuery query, Instant since, Instant until,
                        Instant now) {
        boolean stdout = e.flag("stdout");
        boolean stderr = e.flag("stderr");
        boolean timestamps = e.flag("timestamps");
        ContainerLogs reader = logs.get();
        OpenResponse out = streams.track(e.open(200, "application/vnd.docker.raw-stream"));
        CompletableFuture<Integer> exit = RevisionExit.of(c(), nextRevision, Containers::awaitExit, record.id());
        out.onEnd(() -> exit.cancel(false));
        CompletableFuture<?> end = until == null ? exit : CompletableFuture.anyOf(exit,
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                        Duration.between(now, until).toMillis(), TimeUnit.MILLISECONDS)));
        FollowerThread thread = new FollowerThread();
        out.onEnd(thread::interrupt);
        streams.logFollowers().execute(() -> {
            if (!thread.enter()) {
                return; // the client left while this follow waited for a free thread
            }
            try {
                LogFrames frames = new LogFrames(out.blockingStream(), stdout, stderr, timestamps, query.asWritten());
                reader.read(Path.of(record.logPath()), query, end, new LogWindow(frames, since, until));
                frames.caughtUp();
                out.finish(new byte[0]);
            } catch (Exception | Error failure) {
                out.fail(failure);
            } finally {
                thread.leave();
            }
        });
    }

    /** The follower thread a {@code logs -f} runs on, to interrupt when its client leaves, and only while it does. */
    private static final class FollowerThread {
        private Thread running;
        private boolean interrupted;

        synchronized boolean enter() {
            running = Thread.currentThread();
            return !interrupted;
        }

        synchronized void leave() {
            running = null;
            Thread.interrupted(); // an interrupt meant for this follow must not reach the pool's next task
        }

        synchronized void interrupt() {
            interrupted = true;
            if (running != null) {
                running.interrupt();
            }
        }
    }
}
