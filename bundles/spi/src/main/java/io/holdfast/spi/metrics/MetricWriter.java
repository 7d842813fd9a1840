package io.holdfast.spi.metrics;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link MetricSource} writes its samples during one scrape. Names follow Prometheus' rules
 * ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}, a counter's ending in {@code _total}); every sample of one name must come with
 * the same help text and the same label names. A sample's labels may be empty.
 *
 * <pre>{@code
 * out.gauge("holdfast_monitors", "Container monitors (conmon) the engine holds", Map.of(), monitors.size());
 * out.histogram("holdfast_api_request_duration_seconds", "API request latency, by route",
 *         Map.of("route", "GET /_ping"), List.of(0.01, 0.1, 1.0), List.of(7L, 9L, 10L), 0.42, 10);
 * }</pre>
 *
 * <p>Threading: used by one thread during one {@link MetricSource#collect} call, and not kept afterwards.
 */
@ProviderType
public interface MetricWriter {
    /** A value that can go up and down. */
    void gauge(String name, String help, Map<String, String> labels, double value);

    /** A value that only grows while the engine runs (it restarts at 0 with the engine). */
    void counter(String name, String help, Map<String, String> labels, double value);

    /**
     * A distribution: {@code cumulativeCounts.get(i)} observations were {@code <= upperBounds.get(i)}; the last
     * bound may be {@link Double#POSITIVE_INFINITY}, and is added when it is missing (as {@code count}).
     */
    void histogram(String name, String help, Map<String, String> labels, List<Double> upperBounds,
                   List<Long> cumulativeCounts, double sum, long count);
}
