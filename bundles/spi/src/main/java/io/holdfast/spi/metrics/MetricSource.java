package io.holdfast.spi.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Some of the engine's metrics, offered as a service (whiteboard): the metrics bundle asks every source for its
 * samples at each scrape of {@code metrics-addr} and serves them in Prometheus' text format. A bundle that counts
 * something registers one and keeps its own counters; nothing is pushed anywhere.
 *
 * <pre>{@code
 * @Component(service = MetricSource.class)
 * public class ReloadMetrics implements MetricSource {
 *     public void collect(MetricWriter out) {
 *         out.counter("holdfast_reloads_total", "Reloads run, by result", Map.of("result", "ok"), ok.sum());
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: {@link #collect} is called on the scraping request's thread, concurrently with the source's own
 * work and possibly with another scrape; it must read current values without blocking (no I/O, no process, no lock
 * held by slow work) and return within milliseconds.
 */
@ConsumerType
public interface MetricSource {
    /** Writes this source's current samples; each metric name belongs to one source only. */
    void collect(MetricWriter out);
}
