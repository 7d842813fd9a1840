package io.holdfast.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePhase;
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

/** Carries out a restore plan against the supervisor and writes down what happened to each container. */
final class RestoreRun {
    private static final Logger LOG = Logger.getLogger(RestoreRun.class.getName());

    private final RestoreTarget target;
    private final ContainerMonitor monitor;

    RestoreRun(RestoreTarget target, ContainerMonitor monitor) {
        this.target = target;
        this.monitor = monitor;
    }

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
        List<ContainerRecord> records = target.records();
        Collection<MonitorStatus> held = monitor.held();
        Map<String, MonitorStatus> monitors = held.stream()
                .collect(Collectors.toMap(MonitorStatus::containerId, Function.identity()));
        Map<String, ContainerRecord> byId = records.stream()
                .collect(Collectors.toMap(ContainerRecord::id, Function.identity()));
        List<RestoreStep> plan = RestorePlanner.plan(records, held);
        long t2 = phase(phases, "plan", t1);
        List<RestoreEntry> entries = new ArrayList<>();
        for (RestoreStep step : plan) {
            ContainerRecord record = byId.get(step.containerId());
            MonitorStatus status = monitors.get(step.containerId());
            String missing = MissingPlugins.of(record, plugins);
            if (missing != null && step.action() != RestoreStep.Action.KEEP) {
                entries.add(entry(record, RestoreOutcome.NEEDS_ATTENTION, missing
                        + "; left as it is until the plugin is installed (drop it into deploy/)"));
                continue;
            }
            try {
                entries.add(apply(step, record, status));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restore of " + record.shortId() + " failed", e);
                entries.add(new RestoreEntry(record.id(), record.name(), RestoreOutcome.LOST,
                        "restore failed: " + e.getMessage()));
            }
        }
        List<String> orphans = RestorePlanner.orphans(records, held);
        phase(phases, "apply", t2);
        RestoreReport report = new RestoreReport(started, Duration.ofNanos(System.nanoTime() - t0), entries, orphans,
                plugins, phases);
        LOG.info(() -> summary(report));
        return report;
    }

    /** Records the phase that began at {@code since}; returns now, when the next one begins. */
    private static long phase(List<RestorePhase> phases, String name, long since) {
        long now = System.nanoTime();
        phases.add(new RestorePhase(name, Duration.ofNanos(now - since)));
        return now;
    }

    private RestoreEntry apply(RestoreStep step, ContainerRecord record, MonitorStatus status) {
        return switch (step.action()) {
            case ADOPT -> {
                target.adopt(record.id(), status);
                yield entry(record, RestoreOutcome.ADOPTED, "running, pid " + status.pid());
            }
            case APPLY_EXIT -> {
                RestoreOutcome outcome = target.exitedWhileDown(status);
                yield entry(record, outcome, "exited with " + status.exit().code() + " at "
                        + status.exit().finishedAt());
            }
            case MARK_LOST -> {
                String why = "no monitor holds it and no exit was recorded (was the host rebooted?)";
                target.lost(record.id(), why);
                yield entry(record, RestoreOutcome.LOST, why);
            }
            case RELEASE_MONITOR -> {
                release(record.id());
                yield entry(record, RestoreOutcome.UNCHANGED, record.state().status().word());
            }
            case KEEP -> entry(record, RestoreOutcome.UNCHANGED, record.state().status().word());
        };
    }

    private void release(String id) {
        try {
            monitor.release(id, false);
        } catch (MonitorException e) {
            LOG.log(Level.WARNING, "cannot release the monitor of " + id, e);
        }
    }

    private static RestoreEntry entry(ContainerRecord record, RestoreOutcome outcome, String detail) {
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
