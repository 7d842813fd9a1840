package io.holdfast.reload;

import io.holdfast.spi.metrics.MetricSource;
import io.holdfast.spi.metrics.MetricWriter;
import io.holdfast.spi.reload.ReloadReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reloads this engine ran (dry runs left out), by kind: {@code swap} when bundles were installed, updated,
 * refreshed or uninstalled (a {@code deploy/} swap), {@code config} when only daemon.json was read again; and by
 * result ({@code ok}, {@code refused}: a rejected file or a swap rolled back). Offered as a {@link MetricSource}.
 */
final class ReloadMetrics implements MetricSource {
    private record Key(String kind, String result) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, Double> lastSeconds = new ConcurrentHashMap<>();

    void record(ReloadReport report) {
        String kind = report.bundles().isEmpty() ? "config" : "swap";
        counts.computeIfAbsent(new Key(kind, report.ok() ? "ok" : "refused"), k -> new LongAdder()).increment();
        nanos.computeIfAbsent(kind, k -> new LongAdder()).add(report.duration().toNanos());
        lastSeconds.put(kind, report.duration().toNanos() / 1e9);
    }

    @Override
    public void collect(MetricWriter out) {
        for (String kind : new String[] {"config", "swap"}) {
            for (String result : new String[] {"ok", "refused"}) {
                LongAdder count = counts.get(new Key(kind, result));
                out.counter("holdfast_reloads_total", "Reloads run (SIGHUP, system reload, deploy/), by kind and"
                        + " result", Map.of("kind", kind, "result", result), count == null ? 0 : count.sum());
            }
            LongAdder spent = nanos.get(kind);
            out.counter("holdfast_reload_duration_seconds_total", "Time spent in reloads, by kind",
                    Map.of("kind", kind), spent == null ? 0 : spent.sum() / 1e9);
        }
        lastSeconds.forEach((kind, seconds) -> out.gauge("holdfast_reload_last_duration_seconds",
                "How long the last reload of each kind took", Map.of("kind", kind), seconds));
    }
}
