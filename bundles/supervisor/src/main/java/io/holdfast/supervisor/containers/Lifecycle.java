package io.holdfast.supervisor.containers;

import io.holdfast.common.signal.Signals;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.StdinOptions;
import io.holdfast.spi.environment.ContainerEnvironment;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.supervisor.oci.OciBundle;
import io.holdfast.supervisor.oci.OciSpec;
import io.holdfast.supervisor.ports.PortPublishing;
import io.holdfast.supervisor.state.DataRootLayout;
import io.holdfast.supervisor.volumes.ContainerVolumes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves containers through their lifecycle: start under a monitor, signal, stop, remove, and what follows an exit
 * ({@code --rm}, restart policies). Every state change is saved before the next step, so an engine killed between
 * any two steps restores to a consistent state.
 */
final class Lifecycle {
    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    /** Read on each use: a reload may replace it. */
    private final Supplier<DaemonConfig> config;
    private final ContainerMonitor monitor;
    private final Plugins plugins;
    private final ContainerTable table;
    private final ExitWaiters waiters;
    /** What follows an exit off the monitor's notifier thread: policy restarts and monitor releases. */
    private final ScheduledExecutorService afterExit;
    private final EventPublisher events;
    private final PortPublishing ports;
    private final java.util.Set<String> pendingRestarts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Mounts volumes at start and removes anonymous ones with their container; null: an engine without volumes. */
    private final ContainerVolumes volumes;

    Lifecycle(Supplier<DaemonConfig> config, ContainerMonitor monitor, Plugins plugins, ContainerTable table,
              ExitWaiters waiters, ScheduledExecutorService restarts, EventPublisher events) {
        this(config, monitor, plugins, table, waiters, restarts, events, PortPublishing.NONE, null);
    }

    Lifecycle(Supplier<DaemonConfig> config, ContainerMonitor monitor, Plugins plugins, ContainerTable table,
              ExitWaiters waiters, ScheduledExecutorService restarts, EventPublisher events, PortPublishing ports,
              ContainerVolumes volumes) {
        this.ports = ports;
        this.volumes = volumes;
        this.config = config;
        this.monitor = monitor;
        this.plugins = plugins;
        this.table = table;
        this.waiters = waiters;
        this.afterExit = restarts;
        this.events = events;
    }

    ContainerRecord start(String id) {
        return locked(id, () -> {
            ContainerRecord record = table.byId(id);
            if (record.state().paused()) {
                throw new EngineException(Kind.CONFLICT, "cannot start a paused container, try unpause instead");
            }
            if (record.state().running()) {
                return record;
            }
            // no per-container log config as in Docker: every start, restarts included, takes the engine's max-size
            StdinOptions stdin = record.spec().stdin();
            MonitorLaunch launch = new MonitorLaunch(id, record.bundleDir(), record.logPath(),
                    config.get().runtime(record.spec().runtime()), config.get().logSizeMax(), stdin.open(),
                    !stdin.once(), record.spec().process().tty());
            try {
                writeBundle(record, volumes);
                new PeerHosts(table).refreshNetworkOf(record);
                ports.publish(record); // before the container runs: a port in use fails the start, not later
            } catch (IOException | RuntimeException e) {
                table.put(record.withState(record.state().failedToStart(e.getMessage())));
                throw new EngineException(Kind.FAILED, "failed to start container " + record.shortId() + ": "
                        + e.getMessage(), e);
            }
            try {
                MonitorStatus started = monitor.start(launch);
                // the exec root is recorded with the run: a later engine with another one would not see its monitor
                ContainerRecord running = record.withState(record.state().started(started.pid(),
                        started.monitorPid(), started.startedAt())).withEnvironment(
                        ContainerEnvironment.withExecRoot(record.environment(), config.get().execRoot()));
                table.put(running);
                events.container("start", running);
                return running;
            } catch (MonitorException e) {
                unpublishQuietly(id);
                StartFailure failure = StartFailure.of(e.getMessage());
                table.put(record.withState(record.state().failedToStart(failure.exitCode(), failure.message())));
                throw new EngineException(failure.kind(), failure.kind() == Kind.INVALID ? failure.message()
                        : "failed to start container " + record.shortId() + ": " + failure.message(), e);
            }
        });
    }

    /** The OCI bundle from the record, as of now: the user is looked up in the container's files at each start. */
    private static void writeBundle(ContainerRecord record, ContainerVolumes volumes) throws IOException {
        var network = record.network();
        OciBundle.write(new OciBundle.Target(Path.of(record.bundleDir()), record.id(), Path.of(record.rootfs()),
                volumes == null ? record.spec() : volumes.mounted(record.spec()), network == null ? null : network.namespacePath(), network != null && network.sharesHost()));
    }

    /**
     * Docker's kill: any signal marks the container as stopped by the user (its restart policy no longer applies
     * to this run); KILL waits for the exit to be recorded; KILL and TERM thaw a paused container so they act.
     */
    void signal(String id, String signal) {
        int number;
        try {
            number = Signals.number(signal);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        }
        CompletableFuture<Integer> exited = waiters.next(id);
        try {
            locked(id, () -> {
                ContainerRecord record = table.byId(id);
                if (!record.state().running()) {
                    throw new EngineException(Kind.CONFLICT, "Container " + record.id() + " is not running");
                }
                if (!record.state().manuallyStopped()) {
                    table.put(record.withState(record.state().stoppedByUser()));
                }
                try {
                    monitor.signal(id, Integer.toString(number));
                } catch (MonitorException e) {
                    throw new EngineException(Kind.FAILED, "Cannot kill container " + record.id() + ": "
                            + e.getMessage(), e);
                }
                events.container("kill", record, Map.of("signal", Integer.toString(number)));
                if (number == Signals.KILL || number == Signals.TERM) {
                    thawIfPaused(id);
                }
                return null;
            });
        } catch (RuntimeException e) {
            waiters.forget(id, exited);
            throw e;
        }
        if (number != Signals.KILL) {
            waiters.forget(id, exited);
        } else if (!await(exited, KILL_GRACE)) {
            throw new EngineException(Kind.FAILED, "container " + id.substring(0, 12) + " did not exit within "
                    + KILL_GRACE.toSeconds() + " s of SIGKILL");
        }
    }

    /** {@code runc pause}, then the record: a restore finds a pause the record missed from the freezer itself. */
    ContainerRecord pause(String id) {
        return locked(id, () -> {
            ContainerRecord record = table.byId(id);
            if (!record.state().running()) {
                throw new EngineException(Kind.CONFLICT, "Container " + record.id() + " is not running");
            }
            if (record.state().paused()) {
                throw new EngineException(Kind.CONFLICT, "Container " + record.id() + " is already paused");
            }
            try {
                monitor.pause(id);
            } catch (MonitorException e) {
                throw new EngineException(Kind.FAILED, "Cannot pause container " + record.id() + ": "
                        + e.getMessage(), e);
            }
            ContainerRecord paused = record.withState(record.state().withPaused(true));
            table.put(paused);
            events.container("pause", paused);
            return paused;
        });
    }

    ContainerRecord unpause(String id) {
        return locked(id, () -> {
            ContainerRecord record = table.byId(id);
            if (!record.state().paused()) {
                throw new EngineException(Kind.CONFLICT, "Container " + record.id() + " is not paused");
            }
            try {
                monitor.resume(id);
            } catch (MonitorException e) {
                throw new EngineException(Kind.FAILED, "Cannot unpause container " + record.id() + ": "
                        + e.getMessage(), e);
            }
            ContainerRecord thawed = record.withState(record.state().withPaused(false));
            table.put(thawed);
            events.container("unpause", thawed);
            return thawed;
        });
    }

    /**
     * Docker's update: the new limits reach the running container first, then the record, so a record never
     * claims limits the runtime refused; a container that does not run takes them at its next start.
     */
    ContainerRecord update(String id, ResourceLimits requested, RestartPolicy restartPolicy) {
        ResourceLimits limits = HostLimits.adapt(requested);
        return locked(id, () -> {
            ContainerRecord record = table.byId(id);
            ContainerSpec spec;
            try {
                spec = record.spec().updated(limits,
                        restartPolicy == null ? record.spec().restartPolicy() : restartPolicy);
            } catch (IllegalArgumentException invalid) {
                throw new EngineException(Kind.INVALID, invalid.getMessage());
            }
            if (record.state().running()) {
                try {
                    monitor.updateResources(id, OciSpec.resourcesJson(limits));
                } catch (MonitorException e) {
                    throw new EngineException(Kind.FAILED, "Cannot update container " + record.id() + ": "
                            + e.getMessage(), e);
                }
            }
            ContainerRecord updated = record.withSpec(spec);
            table.put(updated);
            events.container("update", updated);
            return updated;
        });
    }

    /** Docker's restart: stop (if it runs or is restarting), then start; RestartCount counts policy restarts only. */
    ContainerRecord restart(String id, Duration timeout) {
        stop(id, timeout, true);
        ContainerRecord started = start(id);
        events.container("restart", started);
        return started;
    }

    /** Thaws a paused container after a signal that should end it; a frozen process would not act on it. */
    private void thawIfPaused(String id) {
        ContainerRecord record = table.byId(id);
        if (!record.state().paused()) {
            return;
        }
        try {
            monitor.resume(id);
            table.put(record.withState(record.state().withPaused(false)));
        } catch (MonitorException e) {
            LOG.log(Level.WARNING, "cannot unpause " + record.shortId() + " after signalling it", e);
        }
    }

    /** The stop signal (SIGTERM unless the container has its own), then SIGKILL after {@code timeout}; returns once the exit has been recorded. */
    ContainerRecord stop(String id, Duration timeout, boolean byUser) {
        CompletableFuture<Integer> exited = waiters.next(id);
        boolean running = locked(id, () -> {
            ContainerRecord record = table.byId(id);
            if (record.state().status() == ContainerStatus.RESTARTING) {
                // cancels the pending restart: the scheduled start only acts on RESTARTING containers
                var state = record.state();
                table.put(record.withState(state.exited(state.exitCode(), state.finishedAt(), state.error())
                        .stoppedByUser()));
                return false;
            }
            if (byUser && !record.state().manuallyStopped()) {
                table.put(record.withState(record.state().stoppedByUser()));
            }
            return record.state().running();
        });
        if (!running) {
            waiters.forget(id, exited);
            return table.byId(id);
        }
        trySignal(id, table.byId(id).spec().process().stopSignalOrDefault());
        if (!await(exited, timeout)) {
            trySignal(id, "KILL");
            if (!await(exited, KILL_GRACE)) {
                throw new EngineException(Kind.FAILED, "container " + id.substring(0, 12)
                        + " did not exit within " + KILL_GRACE.toSeconds() + " s of SIGKILL");
            }
        }
        ContainerRecord stopped = table.byId(id);
        events.container("stop", stopped);
        return stopped;
    }

    /**
     * Docker's rm. The checks and the removal happen under the container's lock, so a start that lands between them
     * is seen (409 without force) instead of its container being removed while it runs. With force, a container
     * found running is stopped and checked again, as often as a start keeps racing the removal.
     */
    void remove(String id, boolean force) {
        remove(id, force, false);
    }

    /** {@link #remove}; with {@code removeVolumes} ({@code rm -v}) the container's anonymous volumes go too. */
    void remove(String id, boolean force, boolean removeVolumes) {
        ContainerRecord removed = table.byId(id);
        removeContainer(id, force);
        if (removeVolumes) {
            removeAnonymousVolumes(removed);
        }
    }

    private void removeAnonymousVolumes(ContainerRecord removed) {
        if (volumes == null) {
            return;
        }
        java.util.List<String> failures = volumes.removeAnonymous(removed);
        if (!failures.isEmpty()) {
            throw new EngineException(Kind.FAILED, "container " + removed.shortId() + " is removed, but not all its"
                    + " anonymous volumes: " + String.join("; ", failures));
        }
    }

    private void removeContainer(String id, boolean force) {
        for (int attempt = 1; ; attempt++) {
            boolean removed = locked(id, () -> {
                ContainerRecord record = table.byId(id);
                RemovalChecks.refuseUnlessForced(record, force);
                if (record.state().running() || record.state().status() == ContainerStatus.RESTARTING) {
                    return false;
                }
                destroy(record);
                return true;
            });
            if (removed) {
                return;
            }
            if (attempt == RemovalChecks.FORCED_ATTEMPTS) {
                throw new EngineException(Kind.CONFLICT, "cannot remove container " + id.substring(0, 12)
                        + ": it was started again each of the " + attempt + " times it was stopped for removal");
            }
            stop(id, Duration.ZERO, true);
        }
    }

    /**
     * Applies an exit the monitor reported: records it, frees the monitor, then {@code --rm} or the restart policy.
     * Idempotent: an exit for a container that is no longer recorded as running changes nothing.
     */
    RestoreOutcome exited(MonitorStatus ended, boolean whileDown) {
        String id = ended.containerId();
        ExitStatus exit = ended.exit();
        return locked(id, () -> {
            if (!table.contains(id)) {
                releaseIfStillHeld(ended);
                return RestoreOutcome.EXITED_WHILE_DOWN;
            }
            ContainerRecord record = table.byId(id);
            if (record.state().status() != ContainerStatus.RUNNING || record.state().pid() != ended.pid()) {
                releaseIfStillHeld(ended); // a report about a run already accounted for
                return RestoreOutcome.EXITED_WHILE_DOWN;
            }
            if (!plugins.installedFor(record)) {
                // --rm or a restart would need the missing plugin: the monitor keeps the exit until it arrives
                return RestoreOutcome.NEEDS_ATTENTION;
            }
            ContainerRecord stopped = record.withState(record.state().exited(exit.code(), exit.finishedAt(), ""));
            var policy = record.spec().restartPolicy();
            boolean restart = !record.spec().autoRemove()
                    && policy.restartsAfter(exit.code(), record.restartCount(), record.state().manuallyStopped());
            // one write of what follows the exit, so no reader (and no restore after a crash) sees an exited
            // container whose restart is already decided
            ContainerRecord next = restart
                    ? stopped.withRestartCount(record.restartCount() + 1).withState(stopped.state().restarting())
                    : stopped;
            table.put(next);
            unpublishQuietly(id); // its ports are free once the exit is known; a restart publishes them again
            events.container("die", stopped, Map.of("exitCode", Integer.toString(exit.code())));
            LOG.info(() -> record.shortId() + " (" + record.name() + ") exited with " + exit.code()
                    + (whileDown ? " while the engine was down" : ""));
            if (record.spec().autoRemove()) {
                releaseQuietly(id);
                waiters.exited(id, exit.code()); // before the removal, which would answer them with 0
                destroy(stopped);
                try {
                    removeAnonymousVolumes(stopped); // as Docker's --rm
                } catch (EngineException e) {
                    LOG.warning(e.getMessage());
                }
                return RestoreOutcome.REMOVED;
            }
            if (restart) {
                scheduleRestart(id, whileDown ? Duration.ZERO : backoff(next.restartCount()));
            }
            // waiters (stop, wait) learn of the exit once what follows it is decided (recorded above). The monitor
            // is released later, on another thread: the release is a runtime call (runc delete), a process spawn
            // that costs tens to hundreds of ms when the engine holds thousands of descriptors (one per held
            // client), and the next container's exit must not queue behind it on the monitor's notifier thread.
            // Nothing can see it unfinished: the release takes this container's lock, and a start or rm that comes
            // first (under the lock too) releases the exited run itself.
            waiters.exited(id, exit.code());
            releaseLater(ended);
            return restart ? RestoreOutcome.RESTARTED : RestoreOutcome.EXITED_WHILE_DOWN;
        });
    }

    /** Docker's back-off: 100 ms doubling per restart, at most a minute. */
    static Duration backoff(int restartCount) {
        return Duration.ofMillis(Math.min(60_000, 100L << Math.min(restartCount - 1, 10)));
    }

    /** Schedules a policy restart; a container has at most one pending. */
    void scheduleRestart(String id, Duration delay) {
        if (!pendingRestarts.add(id)) {
            return;
        }
        afterExit.schedule(() -> {
            pendingRestarts.remove(id);
            try {
                ContainerRecord restarted = startIfRestartDue(id);
                if (restarted != null) {
                    events.container("restart", restarted);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restart of " + id.substring(0, 12) + " failed", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the container only if it still waits for its policy restart, checked under its lock: a user's stop
     * (or rm) that lands between the restart's scheduling and its start wins.
     */
    private ContainerRecord startIfRestartDue(String id) {
        return locked(id, () -> table.contains(id)
                && table.byId(id).state().status() == ContainerStatus.RESTARTING ? start(id) : null);
    }

    /**
     * Removes a stopped container and everything it owns. The record goes right after the monitor, before the
     * network and the storage: an engine killed in between leaves a network and a root filesystem that no record
     * knows, which the plugins' restore at the next start deletes, never a record of a half-removed container.
     */
    private void destroy(ContainerRecord record) {
        String id = record.id();
        try {
            monitor.release(id, true);
            ports.unpublish(id); // before the record: a restore ends forwarders of records that are gone, too
            table.remove(id);
        } catch (IOException | MonitorException e) {
            throw new EngineException(Kind.FAILED, "cannot remove container " + record.shortId() + ": "
                    + e.getMessage(), e);
        }
        waiters.removed(id);
        try {
            NetworkConnections.disconnectAll(plugins, record); // before the first network deletes the namespace
            plugins.network(record.spec().networkMode()).detach(id);
            plugins.driver(record.storageDriver()).remove(id,
                    DataRootLayout.of(config.get()).storageHome(record.storageDriver()));
        } catch (IOException | RuntimeException e) {
            throw new EngineException(Kind.FAILED, "container " + record.shortId() + " is removed, but not all it "
                    + "owned: " + e.getMessage() + "; the rest is deleted at the engine's next start", e);
        } finally {
            new PeerHosts(table).refreshNetworkOf(record); // the others no longer list it
            events.container("destroy", record);
        }
    }

    private void trySignal(String id, String signal) {
        try {
            monitor.signal(id, signal);
            events.container("kill", table.byId(id), Map.of("signal", EventPublisher.signalNumber(signal)));
            // Docker unpauses a paused container it stops, after the signal. Only a paused one takes the lock: the
            // exit the signal caused may hold it (releasing the monitor) and stop need not wait for that
            if (table.find(id).map(r -> r.state().paused()).orElse(false)) {
                locked(id, () -> {
                    if (table.contains(id)) {
                        thawIfPaused(id);
                    }
                    return null;
                });
            }
        } catch (MonitorException e) {
            LOG.fine(() -> "signal " + signal + " to " + id + ": " + e.getMessage()); // it may have just exited
        }
    }

    /** Frees the monitor only if it still holds that very run, never a newer one. */
    /** Releases the monitor of the run that {@code ended} on the after-exit thread, if nothing released it first. */
    private void releaseLater(MonitorStatus ended) {
        try {
            afterExit.execute(() -> locked(ended.containerId(), () -> {
                releaseIfStillHeld(ended);
                return null;
            }));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // this revision is stopping: the exited run stays held, and the next revision's restore releases it
        }
    }

    private void releaseIfStillHeld(MonitorStatus ended) {
        monitor.status(ended.containerId())
                .filter(held -> !held.running() && held.pid() == ended.pid())
                .ifPresent(held -> releaseQuietly(held.containerId()));
    }

    /** The restore's part for published ports, each container under its lock; returns what it changed. */
    java.util.List<String> reconcilePorts() {
        return ports.reconcile((id, action) -> locked(id, () -> {
            if (!table.contains(id)) {
                return false;
            }
            action.accept(table.byId(id));
            return true;
        }));
    }

    /** The host ports the container publishes now. */
    java.util.List<io.holdfast.spi.container.PortBinding> publishedPorts(String id) {
        return ports.published(id);
    }

    private void unpublishQuietly(String id) {
        try {
            ports.unpublish(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot end the port forwarders of " + id + "; the next restore ends them", e);
        }
    }

    private void releaseQuietly(String id) {
        try {
            monitor.release(id, false);
        } catch (MonitorException e) {
            LOG.log(Level.WARNING, "cannot release the monitor of " + id, e);
        }
    }

    private static boolean await(CompletableFuture<Integer> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(Kind.FAILED, "interrupted");
        } catch (ExecutionException e) {
            return true;
        }
    }

    private <T> T locked(String id, Supplier<T> action) {
        ReentrantLock lock = table.lock(id);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
