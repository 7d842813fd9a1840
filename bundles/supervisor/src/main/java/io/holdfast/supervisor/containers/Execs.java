package io.holdfast.supervisor.containers;

import io.holdfast.common.docker.DetachKeys;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExecLaunch;
import io.holdfast.spi.monitor.ExecStatus;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.supervisor.oci.ExecProcess;
import io.holdfast.supervisor.oci.ResolvedUser;
import io.holdfast.supervisor.oci.UserResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Docker's exec: a process started in a running container, under a monitor of its own (the shim's exec), so it
 * keeps running and its exit is recorded while the engine is down. Each exec is recorded when created, when started
 * and when it ends; the shim's view wins wherever the two could differ (an engine killed between the shim starting a
 * process and the record saying so), so a read never reports an exec running that the shim knows has ended.
 *
 * <p>Exited execs are kept until their container is removed, but, like Docker's, not forever: creating an exec
 * forgets the container's execs that ended more than {@link #KEEP_ENDED} ago.
 */
final class Execs {
    private static final Logger LOG = Logger.getLogger(Execs.class.getName());
    static final Duration KEEP_ENDED = Duration.ofMinutes(10);

    private final ContainerTable containers;
    private final ExecTable execs;
    private final ContainerMonitor monitor;
    private final Supplier<DaemonConfig> config;
    private final EventPublisher events;
    private final Map<String, CompletableFuture<Integer>> waiters = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Execs(ContainerTable containers, ExecTable execs, ContainerMonitor monitor, Supplier<DaemonConfig> config,
          EventPublisher events) {
        this.containers = containers;
        this.execs = execs;
        this.monitor = monitor;
        this.config = config;
        this.events = events;
    }

    ExecRecord create(String ref, ExecSpec spec) {
        ContainerRecord container = runningContainer(containers.resolve(ref));
        validate(spec);
        forgetLongEnded(container.id());
        String id = newId();
        ExecRecord record = ExecRecord.created(id, container.id(), spec, Instant.now(),
                execs.store().logPath(container.id(), id).toString());
        execs.put(record);
        events.container("exec_create: " + String.join(" ", spec.cmd()), container, Map.of("execID", id));
        return record;
    }

    /** What Holdfast cannot do is refused by name before anything is recorded. */
    private static void validate(ExecSpec spec) {
        if (spec.cmd().isEmpty()) {
            throw new EngineException(Kind.INVALID, "No exec command specified");
        }
        if (!spec.workingDir().isEmpty() && !spec.workingDir().startsWith("/")) {
            throw new EngineException(Kind.INVALID, "WorkingDir \"" + spec.workingDir()
                    + "\": must be an absolute path");
        }
        try {
            DetachKeys.parse(spec.detachKeys());
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.INVALID, e.getMessage());
        }
    }

    ExecRecord start(String execId) {
        ExecRecord found = known(execId);
        ReentrantLock containerLock = containers.lock(found.containerId());
        containerLock.lock();
        try {
            synchronized (execs.lock(execId)) {
                ExecRecord record = current(known(execId));
                if (record.exitCode() != null) {
                    throw new EngineException(Kind.CONFLICT, "Error: Exec command " + execId + " has already run");
                }
                if (record.running()) {
                    throw new EngineException(Kind.CONFLICT, "Error: Exec command " + execId + " is already running");
                }
                ContainerRecord container = runningContainer(containers.byId(record.containerId()));
                return launch(record, container);
            }
        } finally {
            containerLock.unlock();
        }
    }

    private ExecRecord launch(ExecRecord record, ContainerRecord container) {
        ExecSpec spec = record.spec();
        ResolvedUser user;
        try {
            user = spec.user().isEmpty() ? null : UserResolver.resolve(Path.of(container.rootfs()), spec.user());
        } catch (UserResolver.UnknownUserException | IllegalArgumentException | IOException e) {
            failed(record, 126, e.getMessage());
            throw new EngineException(Kind.INVALID, "User \"" + spec.user() + "\": " + e.getMessage(), e);
        }
        try {
            var process = ExecProcess.build(ExecProcess.containerProcess(Path.of(container.bundleDir())), spec, user,
                    ExecProcess.allCapabilities());
            execs.store().saveProcessSpec(container.id(), record.id(), ExecProcess.bytes(process));
        } catch (IOException e) {
            failed(record, 126, e.getMessage());
            throw new EngineException(Kind.FAILED, "cannot prepare exec " + record.id() + ": " + e.getMessage(), e);
        }
        ExecLaunch launch = new ExecLaunch(record.id(), container.id(),
                execs.store().processSpec(container.id(), record.id()).toString(), record.logPath(),
                config.get().runtime(container.spec().runtime()), config.get().logSizeMax(), spec.attachStdin(),
                spec.tty());
        try {
            ExecStatus started = monitor.exec(launch);
            ExecRecord running = record.startedAs(started.pid(), started.startedAt());
            execs.put(running);
            events.container("exec_start: " + String.join(" ", spec.cmd()), container,
                    Map.of("execID", record.id()));
            return current(running);
        } catch (MonitorException e) {
            StartFailure failure = StartFailure.of(e.getMessage());
            // moby gives an exec that failed to start for any other reason 126, not a container's 128
            int code = failure.exitCode() == RunState.EXIT_START_FAILED ? RunState.EXIT_COMMAND_NOT_INVOCABLE
                    : failure.exitCode();
            failed(record, code, e.getMessage());
            throw new EngineException(failure.kind(), "OCI runtime exec failed: " + e.getMessage(), e);
        }
    }

    /** A start that never ran: recorded as ended with Docker's code (126, 127 when not found). */
    private void failed(ExecRecord record, int code, String why) {
        execs.put(record.exited(code, Instant.now(), why));
        complete(record.id(), code);
    }

    /** The exec as it is now, with an exit the shim already knows applied. */
    ExecRecord get(String execId) {
        synchronized (execs.lock(execId)) {
            return current(known(execId));
        }
    }

    CompletableFuture<Integer> await(String execId) {
        ExecRecord record = get(execId);
        if (record.exitCode() != null) {
            return CompletableFuture.completedFuture(record.exitCode());
        }
        if (!record.running()) {
            throw new EngineException(Kind.CONFLICT, "exec " + execId + " has not been started");
        }
        CompletableFuture<Integer> exit = waiters.computeIfAbsent(execId, k -> new CompletableFuture<>());
        ExecRecord now = get(execId); // it may have ended before the waiter was there
        if (now.exitCode() != null) {
            complete(execId, now.exitCode());
        }
        return exit;
    }

    /** The shim reports an exit (live, replayed at a bind, or one that happened while the engine was down). */
    void exited(ExecStatus ended) {
        // the container's lock first (as start takes them): its removal, which deletes the execs/ directory the
        // exit is written to, then happens wholly before this or wholly after it
        ReentrantLock containerLock = execs.get(ended.execId()).map(r -> containers.lock(r.containerId()))
                .orElse(null);
        if (containerLock != null) {
            containerLock.lock();
        }
        try {
            synchronized (execs.lock(ended.execId())) {
                Optional<ExecRecord> found = execs.get(ended.execId());
                if (found.isPresent() && found.get().exitCode() != null) {
                    releaseQuietly(ended.execId()); // already recorded: a replay, or a read applied it first
                } else if (found.isPresent() && containers.contains(found.get().containerId())) {
                    apply(found.get(), ended);
                } else {
                    found.ifPresent(r -> execs.drop(r.id())); // its container was removed, and its files with it
                    complete(ended.execId(), ended.exit().code());
                    releaseQuietly(ended.execId());
                }
            }
        } finally {
            if (containerLock != null) {
                containerLock.unlock();
            }
        }
    }

    /**
     * After a restore: every exec recorded as running that the shim does not hold ended while its record could not
     * say how (the exec root was wiped, e.g. by a reboot); the others are brought up to date with the shim.
     */
    void reconcile() {
        for (ExecRecord record : execs.all()) {
            try {
                get(record.id());
            } catch (EngineException e) {
                LOG.log(Level.FINE, "exec " + record.id() + " is gone with its container", e);
            }
        }
    }

    /** Must hold the exec's lock. Applies what the shim knows; a record the shim has never heard of stays as it is. */
    private ExecRecord current(ExecRecord record) {
        if (record.exitCode() != null) {
            return record;
        }
        Optional<ExecStatus> held;
        try {
            held = monitor.execStatus(record.id());
        } catch (IllegalStateException shimAway) {
            return record; // the shim is being swapped: the record is the best there is for this instant
        }
        if (held.isPresent()) {
            return held.get().running() && record.running() ? record : apply(record, held.get());
        }
        if (record.running()) {
            // recorded running, unknown to the shim: its monitor's record is gone, so is any trace of its exit
            ExecRecord lost = record.exited(255, Instant.now(), "the exec's monitor is gone without recording "
                    + "an exit code");
            execs.put(lost);
            complete(record.id(), 255);
            return lost;
        }
        return record;
    }

    /** Must hold the exec's lock. Records what the shim reports, then frees the shim's copy. */
    private ExecRecord apply(ExecRecord record, ExecStatus status) {
        ExecRecord updated = record.running() ? record : record.startedAs(status.pid(), status.startedAt());
        if (status.exit() != null) {
            updated = updated.exited(status.exit().code(), status.exit().finishedAt(), "");
            execs.put(updated);
            if (containers.contains(record.containerId())) {
                events.container("exec_die", containers.byId(record.containerId()), Map.of("execID", record.id(),
                        "exitCode", Integer.toString(status.exit().code())));
            }
            complete(record.id(), status.exit().code());
            releaseQuietly(record.id());
        } else if (updated != record) {
            execs.put(updated); // started by a shim whose start the record missed (the engine was killed)
        }
        return updated;
    }

    /** An exec of a container that still exists; NOT_FOUND otherwise (and one whose container is gone is forgotten). */
    private ExecRecord known(String execId) {
        Optional<ExecRecord> found = execs.get(execId);
        if (found.isPresent() && !containers.contains(found.get().containerId())) {
            execs.drop(execId);
            found = Optional.empty();
        }
        return found.orElseThrow(() -> new EngineException(Kind.NOT_FOUND, "No such exec instance: " + execId));
    }

    private static ContainerRecord runningContainer(ContainerRecord container) {
        if (container.state().status() == ContainerStatus.RESTARTING) {
            throw new EngineException(Kind.CONFLICT, "Container " + container.id()
                    + " is restarting, wait until the container is running");
        }
        if (!container.state().running()) {
            throw new EngineException(Kind.CONFLICT, "Container " + container.id() + " is not running");
        }
        return container;
    }

    /**
     * Forgets an exec that has ended, with its files: a health probe's, whose result the container's health keeps.
     * An exec that has not ended stays (it is forgotten with the others, {@link #KEEP_ENDED} after its end).
     */
    void forgetEnded(String execId) {
        synchronized (execs.lock(execId)) {
            Optional<ExecRecord> found = execs.get(execId);
            if (found.isPresent() && found.get().exitCode() != null) {
                try {
                    execs.delete(found.get());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot forget exec " + execId, e);
                }
            }
        }
    }

    private void forgetLongEnded(String containerId) {
        Instant before = Instant.now().minus(KEEP_ENDED);
        for (ExecRecord record : execs.of(containerId)) {
            synchronized (execs.lock(record.id())) {
                if (record.finishedAt() != null && record.finishedAt().isBefore(before)) {
                    try {
                        execs.delete(record);
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "cannot forget exec " + record.id(), e);
                    }
                }
            }
        }
    }

    private void complete(String execId, int code) {
        CompletableFuture<Integer> waiter = waiters.remove(execId);
        if (waiter != null) {
            waiter.complete(code);
        }
    }

    private void releaseQuietly(String execId) {
        try {
            monitor.releaseExec(execId);
        } catch (MonitorException | IllegalStateException e) {
            LOG.log(Level.FINE, "exec " + execId + " stays with the shim until its exit is replayed", e);
        }
    }

    private String newId() {
        byte[] bytes = new byte[32];
        while (true) {
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (execs.get(id).isEmpty()) {
                return id;
            }
        }
    }
}
