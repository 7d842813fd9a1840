package io.holdfast.routes;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The services the routes answer with: an engine without containers, and a restore bundle that can be away
 * ({@link #restoreBundle}), held as {@link ApiHandler} holds it.
 */
final class FakeServices implements ApiServices {
    final HeldService<RestoreControl> restoreBundle;
    /** The last thread that asked for the restore bundle: a test waits until it is waiting. */
    volatile Thread askedForRestore;
    /** Daemon threads, shared by every test: nothing to close. */
    private static final StreamThreads STREAMS = new StreamThreads();

    FakeServices(Duration restorePatience) {
        restoreBundle = new HeldService<>("the restore bundle", restorePatience);
    }

    @Override
    public DaemonConfig config() {
        throw new UnsupportedOperationException("no route under test reads the configuration");
    }

    @Override
    public Containers containers() {
        return new NoContainers();
    }

    @Override
    public CompletableFuture<Containers> containersAfter(Containers previous) {
        return CompletableFuture.completedFuture(containers());
    }

    @Override
    public StreamThreads streams() {
        return STREAMS;
    }

    @Override
    public Images images() {
        throw new UnsupportedOperationException("no route under test reads images");
    }

    @Override
    public ContainerLogs logs() {
        throw new UnsupportedOperationException("no route under test reads logs");
    }

    @Override
    public EngineEvents events() {
        return null;
    }

    @Override
    public RestoreReport restoreReport() {
        return null;
    }

    @Override
    public RestoreControl restoreControl() {
        askedForRestore = Thread.currentThread();
        return restoreBundle.get();
    }

    /** No container at all: lists are empty and every ref is unknown, with the engine's own error. */
    static final class NoContainers implements Containers {
        @Override
        public List<ContainerRecord> list() {
            return List.of();
        }

        @Override
        public ContainerRecord get(String ref) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No such container: " + ref);
        }

        @Override
        public ContainerRecord create(ContainerSpec spec) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No such image: " + spec.image());
        }

        @Override
        public ContainerRecord start(String ref) {
            return get(ref);
        }

        @Override
        public ContainerRecord stop(String ref, Duration timeout) {
            return get(ref);
        }

        @Override
        public void kill(String ref, String signal) {
            get(ref);
        }

        @Override
        public ContainerRecord restart(String ref, Duration timeout) {
            return get(ref);
        }

        @Override
        public ContainerRecord rename(String ref, String newName) {
            return get(ref);
        }

        @Override
        public ContainerRecord pause(String ref) {
            return get(ref);
        }

        @Override
        public ContainerRecord unpause(String ref) {
            return get(ref);
        }

        @Override
        public io.holdfast.spi.container.ContainerTop top(String ref, String psArgs) {
            get(ref);
            return null;
        }

        @Override
        public io.holdfast.spi.container.ContainerStats stats(String ref) {
            get(ref);
            return null;
        }

        @Override
        public io.holdfast.spi.container.PruneReport prune(java.util.function.Predicate<ContainerRecord> which) {
            return new io.holdfast.spi.container.PruneReport(List.of(), 0);
        }

        @Override
        public io.holdfast.spi.container.PathStat statPath(String ref, String path) {
            get(ref);
            return null;
        }

        @Override
        public void archive(String ref, String path, java.io.OutputStream out) {
            get(ref);
        }

        @Override
        public void extractArchive(String ref, String path, java.io.InputStream in, boolean keepTypes,
                               boolean keepOwners) {
            get(ref);
        }

        @Override
        public void export(String ref, java.io.OutputStream out) {
            get(ref);
        }

        @Override
        public void remove(String ref, boolean force) {
            get(ref);
        }

        @Override
        public CompletableFuture<Integer> awaitExit(String ref) {
            get(ref);
            return new CompletableFuture<>();
        }

        @Override
        public ContainerRecord update(String ref, io.holdfast.spi.container.ResourceLimits limits,
                                      io.holdfast.spi.container.RestartPolicy restartPolicy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long sizeRw(String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.OutputStream openStdin(String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<io.holdfast.spi.container.FileChange> changes(String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resize(String ref, int height, int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resizeExec(String execId, int height, int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.OutputStream openExecStdin(String execId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Integer> awaitNextExit(String ref) {
            return awaitExit(ref);
        }

        @Override
        public io.holdfast.spi.container.ExecRecord createExec(String ref, io.holdfast.spi.container.ExecSpec spec) {
            get(ref);
            return null;
        }

        @Override
        public io.holdfast.spi.container.ExecRecord startExec(String execId) {
            return exec(execId);
        }

        @Override
        public io.holdfast.spi.container.ExecRecord exec(String execId) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No such exec instance: " + execId);
        }

        @Override
        public CompletableFuture<Integer> awaitExec(String execId) {
            exec(execId);
            return new CompletableFuture<>();
        }
    }
}
