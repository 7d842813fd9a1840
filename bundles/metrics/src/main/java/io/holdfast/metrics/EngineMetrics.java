package io.holdfast.metrics;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.metrics.MetricSource;
import io.holdfast.spi.metrics.MetricWriter;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePhase;
import io.holdfast.spi.restore.RestoreReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine's state, read from the SPI's services at each scrape: the last restore (duration, phases and how many
 * containers had each outcome), containers by state, and the monitors the shim holds. A service that is missing
 * (its bundle is being swapped) leaves its metrics out of that scrape rather than reporting zeros.
 */
@Component(service = MetricSource.class)
public class EngineMetrics implements MetricSource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RestoreReport restore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Containers containers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContainerMonitor monitor;

    @Override
    public void collect(MetricWriter out) {
        RestoreReport report = restore;
        if (report != null) {
            writeRestore(report, out);
        }
        Containers all = containers;
        if (all != null) {
            writeContainers(all, out);
        }
        ContainerMonitor shim = monitor;
        if (shim != null) {
            long alive = shim.held().stream().filter(MonitorStatus::running).count();
            out.gauge("holdfast_monitors", "Container monitors (conmon) the engine holds", Map.of(),
                    shim.held().size());
            out.gauge("holdfast_monitors_running", "Held monitors whose container is running", Map.of(), alive);
        }
    }

    static void writeRestore(RestoreReport report, MetricWriter out) {
        out.gauge("holdfast_restore_duration_seconds", "How long the engine's last restore took", Map.of(),
                seconds(report.duration()));
        out.gauge("holdfast_restore_started_timestamp_seconds", "When the last restore began (Unix time)", Map.of(),
                report.startedAt().toEpochMilli() / 1000.0);
        for (RestoreOutcome outcome : RestoreOutcome.values()) {
            out.gauge("holdfast_restore_containers", "Containers by what the last restore did with them",
                    Map.of("outcome", outcome.name().toLowerCase(Locale.ROOT)), report.count(outcome));
        }
        out.gauge("holdfast_restore_orphans", "Containers a monitor holds that no record knows (left running)",
                Map.of(), report.orphans().size());
        for (RestorePhase phase : report.phases()) {
            out.gauge("holdfast_restore_phase_duration_seconds", "Where the last restore's time went, by phase",
                    Map.of("phase", phase.name()), seconds(phase.duration()));
        }
    }

    static void writeContainers(Containers all, MetricWriter out) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (ContainerStatus status : ContainerStatus.values()) {
            byState.put(status.word(), 0);
        }
        byState.put("paused", 0);
        for (ContainerRecord record : all.list()) {
            String state = record.state().paused() ? "paused" : record.state().status().word();
            byState.merge(state, 1, Integer::sum);
        }
        byState.forEach((state, count) -> out.gauge("holdfast_containers", "Containers by state",
                Map.of("state", state), count));
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
