package io.holdfast.routes;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStats;
import io.holdfast.spi.container.ContainerTop;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.container.PathStat;
import io.holdfast.spi.container.PruneReport;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogQuery;
import io.holdfast.spi.logs.LogSink;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePlan;
import io.holdfast.spi.restore.RestoreReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * An engine with one running container ({@code web}, exec {@code webexec}) and one image ({@code busybox:latest})
 * for fuzzing the routes: every call that would change the engine is written to {@link #changes}, so a test can
 * check that a rejected request changed nothing. Nothing here blocks: waits end at once, log and event streams end
 * after what they have, so a request that does not answer is the route's doing.
 */
final class FuzzEngine implements ApiServices {
    static final String CONTAINER = "web";
    static final String CONTAINER_ID = "0123456789ab".repeat(5) + "0123";
    static final String EXEC = "webexec";
    static final String IMAGE = "busybox:latest";
    static final String IMAGE_ID = "sha256:" + "ab".repeat(32);
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    /** Shared, as FakeServices shares its own: the threads of long responses. */
    private static final StreamThreads STREAMS = new StreamThreads();
    private final List<String> changes = new ArrayList<>();
    private final EngineContainers containers = new EngineContainers();

    synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    private synchronized void changed(String what) {
        changes.add(what);
    }

    static ContainerRecord record() {
        ContainerSpec spec = new ContainerSpec(CONTAINER, IMAGE, List.of("sh"), List.of(), RestartPolicy.NONE,
                false, "bridge", null, 10);
        RunState running = RunState.created().started(4242, 4241, T0);
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, CONTAINER_ID, CONTAINER, T0, spec, IMAGE_ID,
                running, 0, "vfs", "/fuzz/rootfs", "/fuzz/bundle", "/fuzz/ctr.log", null, Map.of());
    }

    @Override
    public DaemonConfig config() {
        return new DaemonConfig("fuzz", true, "/fuzz/data", "/fuzz/exec", List.of("unix:///fuzz.sock"), "runc",
                Map.of(), "vfs", false, 15, "json-file", 0);
    }

    @Override
    public Containers containers() {
        return containers;
    }

    @Override
    public CompletableFuture<Containers> containersAfter(Containers previous) {
        return CompletableFuture.completedFuture(containers);
    }

    @Override
    public StreamThreads streams() {
        return STREAMS;
    }

    /** The registry client: every call refused as an unknown image (a 404, never a 5xx). */
    @Override
    public io.holdfast.spi.registry.ImageDistribution distribution() {
        return refusing(io.holdfast.spi.registry.ImageDistribution.class);
    }

    private static <T> T refusing(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new io.holdfast.spi.container.EngineException(
                            io.holdfast.spi.container.EngineException.Kind.NOT_FOUND,
                            "the fuzz engine has no such image (" + method.getName() + ")");
                }));
    }

    @Override
    public Images images() {
        return new EngineImages();
    }

    @Override
    public io.holdfast.spi.image.ImageContent imageContent() {
        return new EngineContent();
    }

    @Override
    public ContainerLogs logs() {
        return (Path logFile, LogQuery query, CompletionStage<?> until, LogSink sink) -> {
            sink.accept(new LogEntry(T0, "stdout", "hello"));
            sink.accept(new LogEntry(T0.plusSeconds(1), "stderr", "world"));
            sink.caughtUp();
        };
    }

    @Override
    public EngineEvents events() {
        return new EngineEvents() {
            @Override
            public void publish(EngineEvent event) {
            }

            @Override
            public EventSubscription subscribe(Instant since) {
                return new EndedSubscription(since == null ? List.of() : retained(since));
            }

            @Override
            public List<EngineEvent> retained(Instant since) {
                return List.of(new EngineEvent(EngineEvent.CONTAINER, "start", CONTAINER_ID,
                        Map.of("name", CONTAINER), T0));
            }
        };
    }

    @Override
    public RestoreReport restoreReport() {
        return new RestoreReport(T0, Duration.ofMillis(5), List.of(adopted()), List.of(), List.of(), List.of());
    }

    @Override
    public RestoreControl restoreControl() {
        return new RestoreControl() {
            @Override
            public RestoreReport restore() {
                changed("restore");
                return restoreReport();
            }

            @Override
            public RestorePlan plan() {
                return new RestorePlan(T0, List.of(adopted()), List.of(), List.of());
            }

            @Override
            public RestoreEntry adopt(String container) {
                containers.get(container);
                changed("adopt " + container);
                return adopted();
            }

            @Override
            public RestoreEntry stop(String container, Duration timeout) {
                containers.get(container);
                changed("restore-stop " + container + " " + timeout);
                return adopted();
            }
        };
    }

    private static RestoreEntry adopted() {
        return new RestoreEntry(CONTAINER_ID, CONTAINER, RestoreOutcome.values()[0], "fuzz");
    }

    /** A subscription that has its replay and then has ended, as one the journal dropped. */
    private static final class EndedSubscription implements EventSubscription {
        private final List<EngineEvent> replay;
        private int next;

        EndedSubscription(List<EngineEvent> replay) {
            this.replay = replay;
        }

        @Override
        public Optional<EngineEvent> next(Duration timeout) {
            return next < replay.size() ? Optional.of(replay.get(next++)) : Optional.empty();
        }

        @Override
        public boolean isOpen() {
            return false;
        }

        @Override
        public Optional<String> endReason() {
            return Optional.of("the fuzz journal has no live events");
        }

        @Override
        public void onReady(Runnable listener) {
            // ended before any listener could be told: the reader's first drain finds the replay and the end
        }

        @Override
        public void close() {
        }
    }

    private final class EngineImages implements Images {
        private final ImageRecord busybox = new ImageRecord(IMAGE_ID, List.of(IMAGE), T0, 1024, "/fuzz/image");

        @Override
        public ImageRecord importTarball(InputStream tar, String reference) {
            try {
                tar.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new EngineException(Kind.INVALID, "reading the tarball: " + e.getMessage());
            }
            changed("import " + reference);
            return busybox;
        }

        @Override
        public ImageRecord importTarball(InputStream tar, String reference,
                                         io.holdfast.spi.image.ImageConfig config) {
            return importTarball(tar, reference);
        }

        @Override
        public ImageRecord tag(String source, String target) {
            resolve(source);
            changed("tag " + source + " " + target);
            return busybox;
        }

        @Override
        public List<ImageRecord> list() {
            return List.of(busybox);
        }

        @Override
        public ImageRecord resolve(String reference) {
            if (reference.equals(IMAGE) || reference.equals(IMAGE_ID) || reference.equals("busybox")) {
                return busybox;
            }
            throw new EngineException(Kind.NOT_FOUND, "No such image: " + reference);
        }

        @Override
        public List<String> remove(String reference, Predicate<String> inUse) {
            ImageRecord image = resolve(reference);
            if (inUse.test(image.id())) {
                throw new EngineException(Kind.CONFLICT, "image is in use by container " + CONTAINER);
            }
            changed("rmi " + reference);
            return List.of("Untagged: " + IMAGE, "Deleted: " + IMAGE_ID);
        }
    }

    /** The content store of an engine holding only the flat busybox image: what load, save and inspect meet. */
    private final class EngineContent implements io.holdfast.spi.image.ImageContent {
        @Override
        public boolean hasBlob(String digest) {
            return false;
        }

        @Override
        public String putBlob(InputStream in, String expectedDigest) {
            throw new EngineException(Kind.INVALID, "blob digest mismatch");
        }

        @Override
        public InputStream openBlob(String digest) {
            throw new EngineException(Kind.NOT_FOUND, "blob " + digest + " is not stored");
        }

        @Override
        public long blobSize(String digest) {
            throw new EngineException(Kind.NOT_FOUND, "blob " + digest + " is not stored");
        }

        @Override
        public ImageRecord registerImage(byte[] manifest, List<String> tags, String repoDigest) {
            throw new EngineException(Kind.NOT_FOUND, "the image's config blob is not stored");
        }

        @Override
        public io.holdfast.spi.image.StoredImage image(String reference) {
            new EngineImages().resolve(reference);
            throw new EngineException(Kind.INVALID, "image was imported flat from a tarball");
        }

        @Override
        public List<String> load(InputStream archive) {
            try {
                archive.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new EngineException(Kind.INVALID, "reading the archive: " + e.getMessage());
            }
            throw new EngineException(Kind.INVALID, "invalid image archive: it has neither manifest.json nor "
                    + "index.json");
        }

        @Override
        public void save(List<String> references, OutputStream out) {
            references.forEach(this::image);
        }
    }

    private final class EngineContainers implements Containers {
        @Override
        public List<ContainerRecord> list() {
            return List.of(record());
        }

        @Override
        public ContainerRecord get(String ref) {
            if (ref.equals(CONTAINER) || ref.equals(CONTAINER_ID) || ref.equals(CONTAINER_ID.substring(0, 12))) {
                return record();
            }
            throw new EngineException(Kind.NOT_FOUND, "No such container: " + ref);
        }

        private ContainerRecord change(String what, String ref) {
            ContainerRecord record = get(ref);
            changed(what + " " + ref);
            return record;
        }

        @Override
        public ContainerRecord create(ContainerSpec spec) {
            changed("create " + spec.name());
            return record();
        }

        @Override
        public ContainerRecord start(String ref) {
            return change("start", ref);
        }

        @Override
        public ContainerRecord stop(String ref, Duration timeout) {
            return change("stop " + timeout, ref);
        }

        @Override
        public void kill(String ref, String signal) {
            change("kill " + signal, ref);
        }

        @Override
        public ContainerRecord restart(String ref, Duration timeout) {
            return change("restart " + timeout, ref);
        }

        @Override
        public ContainerRecord rename(String ref, String newName) {
            return change("rename " + newName, ref);
        }

        @Override
        public ContainerRecord pause(String ref) {
            return change("pause", ref);
        }

        @Override
        public ContainerRecord unpause(String ref) {
            return change("unpause", ref);
        }

        @Override
        public ContainerTop top(String ref, String psArgs) {
            get(ref);
            return new ContainerTop(List.of("PID", "CMD"), List.of(List.of("4242", "sh")));
        }

        @Override
        public ContainerStats stats(String ref) {
            get(ref);
            // a stream of samples would last until the client leaves; the fuzzer checks the route's parsing only
            throw new EngineException(Kind.CONFLICT, "container " + ref + " is not running (fuzz engine)");
        }

        @Override
        public PruneReport prune(Predicate<ContainerRecord> which) {
            if (which.test(record())) {
                changed("prune");
            }
            return new PruneReport(List.of(), 0);
        }

        @Override
        public PathStat statPath(String ref, String path) {
            get(ref);
            return new PathStat("etc", 4096, PathStat.MODE_DIRECTORY | 0755, T0, "");
        }

        @Override
        public void archive(String ref, String path, OutputStream out) {
            get(ref);
        }

        @Override
        public void extractArchive(String ref, String path, InputStream in, boolean keepTypes, boolean keepOwners) {
            get(ref);
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new EngineException(Kind.INVALID, "reading the archive: " + e.getMessage());
            }
            changed("extract " + ref + " " + path);
        }

        @Override
        public void export(String ref, OutputStream out) {
            get(ref);
        }

        @Override
        public void remove(String ref, boolean force) {
            change("rm " + force, ref);
        }

        @Override
        public CompletableFuture<Integer> awaitExit(String ref) {
            get(ref);
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public ContainerRecord update(String ref, ResourceLimits limits, RestartPolicy restartPolicy) {
            return change("update", ref);
        }

        @Override
        public long sizeRw(String ref) {
            get(ref);
            return 0;
        }

        @Override
        public OutputStream openStdin(String ref) {
            get(ref);
            return OutputStream.nullOutputStream();
        }

        @Override
        public CompletableFuture<Integer> awaitNextExit(String ref) {
            return awaitExit(ref);
        }

        @Override
        public ExecRecord createExec(String ref, ExecSpec spec) {
            get(ref);
            changed("exec-create " + ref);
            return exec(EXEC);
        }

        @Override
        public ExecRecord startExec(String execId) {
            ExecRecord exec = exec(execId);
            changed("exec-start " + execId);
            return exec;
        }

        @Override
        public ExecRecord exec(String execId) {
            if (!execId.equals(EXEC)) {
                throw new EngineException(Kind.NOT_FOUND, "No such exec instance: " + execId);
            }
            ExecSpec spec = new ExecSpec(List.of("true"), List.of(), "", "", false, false, true, true, false, "");
            return ExecRecord.created(EXEC, CONTAINER_ID, spec, T0, "/fuzz/exec.log").startedAs(4343, T0)
                    .exited(0, T0.plusSeconds(1), "");
        }

        @Override
        public void resize(String ref, int height, int width) {
            get(ref); // a terminal's size is no state the fuzzer checks
        }

        @Override
        public List<io.holdfast.spi.container.FileChange> changes(String ref) {
            get(ref);
            return List.of(new io.holdfast.spi.container.FileChange("/etc",
                    io.holdfast.spi.container.FileChange.Kind.values()[0]));
        }

        @Override
        public void resizeExec(String execId, int height, int width) {
            exec(execId);
        }

        @Override
        public OutputStream openExecStdin(String execId) {
            exec(execId);
            return OutputStream.nullOutputStream();
        }

        @Override
        public CompletableFuture<Integer> awaitExec(String execId) {
            exec(execId);
            return CompletableFuture.completedFuture(0);
        }
    }
}
