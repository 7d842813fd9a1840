package io.holdfast.restore;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePhase;
import io.holdfast.spi.restore.RestorePlan;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Works out a restore plan and, unless it is a dry run, carries it out against the supervisor, writing down what
 * happened to each container.
 */
final class RestoreRun {
    private static final Logger LOG = Logger.getLogger(RestoreRun.class.getName());

    private final RestoreTarget target;
    private final ContainerMonitor monitor;
    private final DaemonConfig config;
    private final LayerCheck layers;

    /** The shim is reached through the supervisor, which owns its binding: both always talk to the same one. */
    RestoreRun(RestoreTarget target, DaemonConfig config, LayerCheck layers) {
        this.layers = layers;
        this.target = target;
        this.monitor = target.monitor();
        this.config = config;
    }

    /** The restore: plugins first, then every container by its plan step. */
    RestoreReport run() {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<RestorePhase> phases = new ArrayList<>();
        List<PluginCheck> plugins = target.restorePlugins();
        for (PluginCheck check : plugins) {
            if (!check.ok()) {
                LOG.warning(() -> "restore: " + check.kind() + " plugin " + check.name() + ": " + check.detail());
            }
        }
        long t1 = phase(phases, "plugins", t0);
        Situation now = situation(plugins);
        long t2 = phase(phases, "plan", t1);
        List<RestoreEntry> entries = new ArrayList<>();
        for (RestoreStep step : now.steps()) {
            String blocked = now.blocker(step);
            if (blocked != null) {
                entries.add(step.entry(RestoreOutcome.NEEDS_ATTENTION, blocked));
                continue;
            }
            try {
                entries.add(step.apply(target));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restore of " + step.record().shortId() + " failed", e);
                entries.add(step.entry(RestoreOutcome.LOST, "restore failed: " + e.getMessage()));
            }
        }
        entries.addAll(unreadable());
        phase(phases, "apply", t2);
        RestoreReport report = new RestoreReport(started, Duration.ofNanos(System.nanoTime() - t0), entries,
                now.orphans().stream().map(Orphan::containerId).toList(), plugins, phases);
        LOG.info(() -> summary(report));
        return report;
    }

    /** What {@link #run} would do now, without asking any plugin to restore and without changing anything. */
    RestorePlan plan() {
        List<PluginCheck> plugins = target.plugins();
        Situation now = situation(plugins);
        List<RestoreEntry> entries = new ArrayList<>();
        for (RestoreStep step : now.steps()) {
            String blocked = now.blocker(step);
            entries.add(blocked != null ? step.entry(RestoreOutcome.NEEDS_ATTENTION, blocked) : step.predict());
        }
        entries.addAll(unreadable());
        return new RestorePlan(Instant.now(), entries, now.orphans(), plugins);
    }

    /** Records the supervisor could not read: nothing is done with them but to say so. */
    private List<RestoreEntry> unreadable() {
        return target.unreadableRecords().entrySet().stream().map(e -> new RestoreEntry(e.getKey(), "",
                RestoreOutcome.NEEDS_ATTENTION, e.getValue())).toList();
    }

    /** The records, what the monitors hold, the plan steps and what blocks adoption, as of now. */
    Situation situation(List<PluginCheck> plugins) {
        // monitors first: a container that ends and is released between the two reads then shows as exited in its
        // record, never as a record whose monitor vanished (which would read as lost)
        Collection<MonitorStatus> held = monitor.held();
        List<ContainerRecord> records = target.records();
        Map<String, MonitorStatus> monitors = held.stream()
                .collect(Collectors.toMap(MonitorStatus::containerId, Function.identity()));
        Map<String, ContainerRecord> byId = records.stream()
                .collect(Collectors.toMap(ContainerRecord::id, Function.identity()));
        Map<String, MonitorStatus> unmonitored = Map.of();
        String unlisted = null;
        try {
            unmonitored = monitor.unmonitored().stream()
                    .collect(Collectors.toMap(MonitorStatus::containerId, Function.identity()));
        } catch (MonitorException e) {
            unlisted = e.getMessage();
        }
        List<Orphan> orphans = new java.util.ArrayList<>(RestorePlanner.orphans(records, held).stream()
                .map(monitors::get).map(RestoreRun::orphan).toList());
        unmonitored.values().stream().filter(m -> !byId.containsKey(m.containerId())).map(RestoreRun::orphan)
                .forEach(orphans::add);
        return new Situation(byId, unmonitored, unlisted, RestorePlanner.plan(records, held), orphans,
                new Blockers(plugins, config, layers));
    }

    private static Orphan orphan(MonitorStatus status) {
        return new Orphan(status.containerId(), status.monitorPid(), status.pid(), status.running());
    }

    /**
     * @param unmonitored containers the runtimes know that no monitor holds (a killed conmon, a lost monitor record)
     * @param unlisted    why the runtimes could not be listed, or null
     */
    record Situation(Map<String, ContainerRecord> records, Map<String, MonitorStatus> unmonitored, String unlisted,
                     List<RestoreStep> steps, List<Orphan> orphans, Blockers blockers) {

        /** Why the step cannot be taken as planned, or null: a plugin or setting, or a process nobody watches. */
        String blocker(RestoreStep step) {
            if (step.action() == RestoreStep.Action.MARK_LOST && unlisted != null) {
                return "no monitor holds it, and whether its process still runs cannot be told (" + unlisted
                        + "); left as it is rather than marked lost";
            }
            MonitorStatus unwatched = unmonitored.get(step.containerId());
            if (step.action() == RestoreStep.Action.MARK_LOST && unwatched != null && unwatched.running()) {
                return "its process runs (pid " + unwatched.pid() + ") but no monitor holds it (its monitor was "
                        + "killed or its record lost), so nothing records its exit or its output; stop it "
                        + "(holdfast system stop) and start it again";
            }
            return step.action() == RestoreStep.Action.KEEP ? null : blockers.of(step.record());
        }
    }

    /** Records the phase that began at {@code since}; returns now, when the next one begins. */
    private static long phase(List<RestorePhase> phases, String name, long since) {
        long now = System.nanoTime();
        phases.add(new RestorePhase(name, Duration.ofNanos(now - since)));
        return now;
    }

    static RestoreEntry entry(ContainerRecord record, RestoreOutcome outcome, String detail) {
        return new RestoreEntry(record.id(), record.name(), outcome, detail);
    }

    /** One structured line an operator can grep for. */
    static String summary(RestoreReport report) {
        StringBuilder line = new StringBuilder("restore completed in ").append(report.duration().toMillis())
                .append(" ms:");
        for (RestoreOutcome outcome : RestoreOutcome.values()) {
            line.append(' ').append(outcome.name().toLowerCase(java.util.Locale.ROOT)).append('=')
                    .append(report.count(outcome));
        }
        line.append(" orphans=").append(report.orphans().size());
        line.append(" plugins_failed=").append(report.plugins().stream().filter(p -> !p.ok()).count());
        for (RestorePhase phase : report.phases()) {
            line.append(' ').append(phase.name()).append("_ms=").append(phase.duration().toMillis());
        }
        if (!report.orphans().isEmpty()) {
            line.append(" (monitors without a record, left running: ").append(String.join(", ", report.orphans()))
                    .append(')');
        }
        return line.toString();
    }
}
