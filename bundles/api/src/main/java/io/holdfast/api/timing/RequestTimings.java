package io.holdfast.api.timing;

import io.holdfast.spi.metrics.MetricSource;
import io.holdfast.spi.metrics.MetricWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.Callback;

/**
 * How long the API's requests take, by {@link ApiRoute}, from the moment the socket's thread has the request until
 * its response is complete (a request that waits for the restore or a swap counts its wait). Offered to the
 * metrics bundle as a {@link MetricSource}.
 *
 * <pre>{@code callback = timings.timed(ApiRoute.of(method, path), callback);   // records when it completes}</pre>
 */
public final class RequestTimings implements MetricSource {
    static final String NAME = "holdfast_api_request_duration_seconds";
    private final Map<String, LatencyHistogram> byRoute = new ConcurrentHashMap<>();

    /** {@code callback}, recording the request's duration when it completes (either way). */
    public Callback timed(String route, Callback callback) {
        long started = System.nanoTime();
        return new Callback.Nested(callback) {
            @Override
            public void completed() {
                record(route, System.nanoTime() - started);
            }
        };
    }

    void record(String route, long elapsedNanos) {
        byRoute.computeIfAbsent(route, r -> new LatencyHistogram()).record(elapsedNanos);
    }

    @Override
    public void collect(MetricWriter out) {
        new java.util.TreeMap<>(byRoute).forEach((route, histogram) -> out.histogram(NAME,
                "API request latency, by route, until the response is complete", Map.of("route", route),
                LatencyHistogram.BOUNDS, histogram.cumulative(), histogram.sumSeconds(), histogram.count()));
    }
}
