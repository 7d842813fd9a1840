package io.holdfast.shim;

import io.holdfast.common.process.Command;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.OciRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The OCI runtime's command line (runc and crun share it): start, kill, pause, resume, ps, delete. */
final class OciRuntimeCli {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OciRuntime runtime;
    private final Path root;

    OciRuntimeCli(OciRuntime runtime, Path root) {
        this.runtime = runtime;
        this.root = root;
    }

    /** The global flags conmon passes through to the runtime as well. */
    List<String> globalArgs() {
        return List.of("--root=" + root);
    }

    void start(String id) throws MonitorException {
        run("start", id);
    }

    void kill(String id, String signal) throws MonitorException {
        run("kill", id, signal);
    }

    void pause(String id) throws MonitorException {
        run("pause", id);
    }

    void resume(String id) throws MonitorException {
        run("resume", id);
    }

    /** {@code update -r FILE}: the OCI {@code linux.resources} document, handed over in a temporary file. */
    void update(String id, String linuxResources) throws MonitorException {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("holdfast-resources-", ".json");
            java.nio.file.Files.writeString(file, linuxResources);
            run("update", "-r", file.toString(), id);
        } catch (java.io.IOException e) {
            throw new MonitorException("cannot hand the new limits of " + id + " to the runtime: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temp file left behind holds no state
                }
            }
        }
    }

    /** The runtime's {@code ps --format json}: the host pids of the container's processes, as a JSON array. */
    String psJson(String id) throws MonitorException {
        return run("ps", "--format", "json", id);
    }

    /** Deletes the container from the runtime; one the runtime no longer knows counts as deleted. */
    void delete(String id, boolean force) throws MonitorException {
        try {
            if (force) {
                run("delete", "--force", id);
            } else {
                run("delete", id);
            }
        } catch (MonitorException e) {
            if (!e.getMessage().contains("does not exist")) {
                throw e;
            }
        }
    }

    /**
     * Deletes whatever the runtime still has under {@code id}; an unknown id is not an error. runc and crun keep a
     * directory per container under their root: without one there is nothing to delete, and no process is spawned
     * (every start asks this first).
     */
    void deleteIfPresent(String id) {
        if (!Files.exists(root.resolve(id), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            run("delete", "--force", id);
        } catch (MonitorException ignored) {
            // "container does not exist" is the common case here
        }
    }

    /** The runtime's {@code list --format json}: every container under this root, as JSON. */
    String listJson() throws MonitorException {
        return run("list", "--format", "json");
    }

    private String run(String... args) throws MonitorException {
        List<String> argv = new ArrayList<>();
        argv.add(runtime.path());
        argv.addAll(globalArgs());
        argv.addAll(List.of(args));
        try {
            Command.Result result = Command.run(argv, TIMEOUT);
            if (!result.ok()) {
                throw new MonitorException(runtime.name() + " " + args[0] + " " + args[args.length - 1] + ": "
                        + result.output().strip());
            }
            return result.stdout();
        } catch (IOException e) {
            throw new MonitorException(runtime.name() + " " + args[0] + ": " + e.getMessage(), e);
        }
    }
}
