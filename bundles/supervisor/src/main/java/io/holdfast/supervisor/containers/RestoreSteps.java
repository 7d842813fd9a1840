package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.RestoreOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Applies a restore's steps to the container table. A restore plans from a snapshot of the records and the monitors;
 * at engine start nothing else runs, but a restore re-run (a restore-bundle swap, a plugin's arrival) plans while the
 * API goes on, so a step can be stale by the time it is applied: the container was stopped, removed or started since.
 * Each step is therefore checked under the container's lock against its record and its monitor as they are now, and
 * a stale step leaves the container to the path that already accounted for it (a live exit, a removal, a start).
 */
final class RestoreSteps {
    private final ContainerTable table;
    private final ContainerMonitor monitor;
    private final Lifecycle lifecycle;
    private final EventPublisher events;
    /** Containers whose adoption this supervisor has announced: a later run that changes nothing stays quiet. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    RestoreSteps(ContainerTable table, ContainerMonitor monitor, Lifecycle lifecycle, EventPublisher events) {
        this.table = table;
        this.monitor = monitor;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /** The container runs under {@code planned}: record it as running with the monitor's pid, if that is still so. */
    void adopt(String containerId, MonitorStatus planned) {
        locked(containerId, () -> {
            if (!table.contains(containerId)) {
                return null; // removed since the plan
            }
            Optional<MonitorStatus> now = monitor.status(containerId);
            if (now.isEmpty() || now.get().pid() != planned.pid()) {
                return null; // that run ended and was released since, or another run began: both already recorded
            }
            if (!now.get().running()) {
                exitedWhileDown(now.get()); // ended since the plan; its exit has not been applied yet
                return null;
            }
            record(containerId, now.get());
            return null;
        });
    }

    private void record(String containerId, MonitorStatus status) {
        ContainerRecord record = table.byId(containerId);
        boolean changed = !record.state().running() || record.state().pid() != status.pid();
        // the freezer is the truth about a pause: an engine killed between runc pause and its record, or between
        // runc resume and its record, left the record wrong; the restore never thaws or freezes anything itself
        boolean frozen = monitor.paused(containerId);
        if (changed) {
            table.put(record.withState(record.state().started(status.pid(), status.monitorPid(),
                    status.startedAt()).withPaused(frozen)));
        } else if (record.state().paused() != frozen) {
            table.put(record.withState(record.state().withPaused(frozen)));
            changed = true;
        }
        if (announced.add(containerId) || changed) {
            events.container("restore", record, Map.of("restore", "adopted"));
        }
    }

    /**
     * The monitor saw the run end: record the exit, then {@code --rm} or the restart policy. A run whose exit the
     * record already has (a stop answered meanwhile) is not recorded twice.
     */
    RestoreOutcome exitedWhileDown(MonitorStatus ended) {
        return locked(ended.containerId(), () -> {
            if (!table.contains(ended.containerId())) {
                return lifecycle.exited(ended, true); // removed since: only frees the monitor
            }
            ContainerRecord record = table.byId(ended.containerId());
            if (!record.state().running()) {
                if (sameRun(record, ended)) {
                    return lifecycle.exited(ended, true); // already recorded: frees the monitor, changes nothing
                }
                // killed between launching the monitor and saving "running": record that run, then its exit
                record(ended.containerId(), ended);
            }
            RestoreOutcome outcome = lifecycle.exited(ended, true);
            events.container("restore", record, Map.of("restore", "exited-while-down",
                    "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
            return outcome;
        });
    }

    /** A record says running and no monitor held it when the plan was made; marks it lost if that is still so. */
    void lost(String containerId, String reason) {
        locked(containerId, () -> {
            if (!table.contains(containerId) || !table.byId(containerId).state().running()) {
                return null; // removed, or its exit recorded, since the plan
            }
            Optional<MonitorStatus> now = monitor.status(containerId);
            if (now.isPresent()) {
                // started between the plan's two reads (monitors, then records): it is not lost
                if (now.get().running()) {
                    record(containerId, now.get());
                } else {
                    exitedWhileDown(now.get());
                }
                return null;
            }
            ContainerRecord record = table.byId(containerId);
            table.put(record.withState(record.state().exited(255, Instant.now(), reason)));
            events.container("restore", record, Map.of("restore", "lost", "reason", String.valueOf(reason)));
            return null;
        });
    }

    /** An {@code --rm} container whose exit was recorded but whose removal a crash cut short: finish it. */
    void completeRemoval(String containerId) {
        locked(containerId, () -> {
            if (table.contains(containerId)) {
                lifecycle.remove(containerId, false); // its exit is recorded: nothing runs, so nothing needs forcing
            }
            return null;
        });
    }

    /** Whether the record's last run is the one {@code status} reports on (same start). */
    private static boolean sameRun(ContainerRecord record, MonitorStatus status) {
        return Objects.equals(record.state().startedAt(), status.startedAt());
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
