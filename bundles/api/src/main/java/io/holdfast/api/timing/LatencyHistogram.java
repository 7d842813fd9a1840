package io.holdfast.api.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Counts durations into fixed buckets (seconds, Prometheus' default bounds stretched to a minute); lock-free. */
final class LatencyHistogram {
    static final List<Double> BOUNDS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            5.0, 10.0, 30.0, 60.0);
    private final LongAdder[] buckets = new LongAdder[BOUNDS.size()];
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        for (int i = 0; i < buckets.length; i++) {
            if (seconds <= BOUNDS.get(i)) {
                buckets[i].increment();
                break;
            }
        }
        nanos.add(elapsedNanos);
        count.increment();
    }

    /** Cumulative counts per bound, as Prometheus wants them. */
    List<Long> cumulative() {
        List<Long> counts = new ArrayList<>(buckets.length);
        long running = 0;
        for (LongAdder bucket : buckets) {
            running += bucket.sum();
            counts.add(running);
        }
        return counts;
    }

    long count() {
        return count.sum();
    }

    double sumSeconds() {
        return nanos.sum() / 1e9;
    }
}
