package io.holdfast.supervisor.containers;

import io.holdfast.common.text.GoDuration;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.HealthProbe;
import io.holdfast.spi.container.HealthState;
import io.holdfast.supervisor.health.HealthSchedule;
import io.holdfast.supervisor.health.ProbeOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Docker's health checks: each running container with a health check is probed when {@link HealthSchedule}
 * says so, by an exec under its own monitor (the same path as {@code docker exec}, with Docker's
 * {@code exec_create/exec_start/exec_die} events), and the result is saved with the container's record before it is
 * shown, so an engine killed at any point restarts with the last status, streak and log and probes on schedule.
 *
 * <p>Nothing is probed while the engine is down, nor before a restore completed (the records are not yet current);
 * a probe that was running when the engine died is not counted. A paused container is not probed.
 */
final class HealthChecks {
    private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());
    /** How often due probes are looked for: the schedule's granularity. A look is a walk of the records in memory. */
    private static final Duration TICK = Duration.ofMillis(100);
    /** How long a timed-out probe, killed, is waited for to end so its exec can be forgotten at once. */
    private static final Duration KILLED_PROBE_GRACE = Duration.ofSeconds(5);

    private final ContainerTable table;
    private final Execs execs;
    private final EventPublisher events;
    private final Clock clock;
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService probes;

    HealthChecks(ContainerTable table, Execs execs, EventPublisher events, Clock clock) {
        this.table = table;
        this.execs = execs;
        this.events = events;
        this.clock = clock;
    }

    /** Starts probing; a second call does nothing (every restore completion calls it). */
    synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("holdfast-health"));
        // a thread per probe in flight: probes mostly wait on their process
        probes = Executors.newCachedThreadPool(daemon("holdfast-health-probe"));
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops probing; probes in flight are abandoned uncounted (the next supervisor probes again on schedule). */
    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            probes.shutdownNow();
        }
    }

    /** The health check a container is probed with, or {@code null} when it has none or it is turned off. */
    static HealthConfig active(ContainerRecord record) {
        HealthConfig config = record.spec().healthcheck();
        return config == null || config.command().isEmpty() ? null : config;
    }

    private void tick() {
        tick(probes);
    }

    /** One round: every container whose probe is due and not already running gets one, on {@code runner}. */
    void tick(java.util.concurrent.Executor runner) {
        try {
            Instant now = clock.instant();
            for (ContainerRecord record : table.unordered()) {
                HealthConfig config = active(record);
                Instant run = record.state().startedAt();
                if (config == null || !record.state().running() || record.state().paused() || run == null
                        || probing.contains(record.id())) {
                    continue;
                }
                if (!now.isBefore(HealthSchedule.nextDue(config, record.health(), run)) && probing.add(record.id())) {
                    runner.execute(() -> probe(record.id(), run, config));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health check round failed", e); // caught: a task that throws is never run again
        }
    }

    private void probe(String id, Instant run, HealthConfig config) {
        try {
            Optional<HealthProbe> result = run(id, run, config);
            result.ifPresent(probe -> record(id, run, config, probe));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the supervisor is going: the probe is not counted
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health probe of " + id + " failed", e);
        } finally {
            probing.remove(id);
        }
    }

    /** The probe's result, or empty when the container stopped or changed run meanwhile (nothing to count). */
    private Optional<HealthProbe> run(String id, Instant run, HealthConfig config) throws InterruptedException {
        Instant start = clock.instant();
        ExecRecord exec;
        try {
            exec = execs.create(id, new ExecSpec(config.command(), List.of(), "", "", false, false, true, true,
                    false, ""));
        } catch (EngineException notRunning) {
            return Optional.empty();
        }
        try {
            exec = execs.start(exec.id());
        } catch (EngineException e) {
            execs.forgetEnded(exec.id()); // recorded as ended with the failure: nothing else will ask for it
            // Docker: a probe that cannot run counts as failed, with the runtime's message
            return stillRunning(id, run) ? Optional.of(new HealthProbe(start, clock.instant(), -1, e.getMessage()))
                    : Optional.empty();
        }
        CompletableFuture<Integer> exit = execs.await(exec.id());
        Duration timeout = config.effectiveTimeout();
        try {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new HealthProbe(start, clock.instant(), code, output(exec)));
        } catch (TimeoutException e) {
            kill(exec);
            awaitQuietly(exit);
            return Optional.of(new HealthProbe(start, clock.instant(), -1, "Health check exceeded timeout ("
                    + GoDuration.format(timeout) + ")"));
        } catch (ExecutionException e) {
            return Optional.of(new HealthProbe(start, clock.instant(), -1, String.valueOf(e.getCause())));
        } finally {
            execs.forgetEnded(exec.id());
        }
    }

    private boolean stillRunning(String id, Instant run) {
        return table.find(id).map(r -> r.state().running() && run.equals(r.state().startedAt())).orElse(false);
    }

    /** Saves the result into the run's health, under the container's lock; emits Docker's event on a change. */
    private void record(String id, Instant run, HealthConfig config, HealthProbe probe) {
        ReentrantLock lock = table.lock(id);
        lock.lock();
        try {
            if (!stillRunning(id, run)) {
                return; // stopped or restarted while probed: Docker drops such a result too
            }
            ContainerRecord current = table.byId(id);
            if (current.state().paused()) {
                return; // frozen mid-probe: its timeout says nothing about the container's health
            }
            HealthState before = HealthSchedule.current(current.health(), run);
            HealthState after = before.after(probe, config);
            table.put(current.withHealth(after));
            if (!after.status().equals(before.status())) {
                events.container("health_status: " + after.status(), current);
            }
        } finally {
            lock.unlock();
        }
    }

    private static String output(ExecRecord exec) {
        try {
            return ProbeOutput.read(Path.of(exec.logPath()));
        } catch (IOException e) {
            return "cannot read the probe's output: " + e.getMessage();
        }
    }

    /** A probe past its timeout is killed (SIGKILL to its process on the host), as Docker's newer engines do. */
    private static void kill(ExecRecord exec) {
        if (exec.pid() > 0) {
            ProcessHandle.of(exec.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitQuietly(CompletableFuture<Integer> exit) throws InterruptedException {
        try {
            exit.get(KILLED_PROBE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.fine("a killed health probe has not ended yet; its exec is forgotten later");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
