package io.holdfast.itests.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics over a handful of samples (nearest-rank percentiles). */
record Stats(List<Double> sorted) {

    static Stats of(List<Double> samples) {
        List<Double> copy = new ArrayList<>(samples);
        Collections.sort(copy);
        return new Stats(List.copyOf(copy));
    }

    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double median() {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted.get(0);
    }

    double max() {
        return sorted.get(sorted.size() - 1);
    }

    String spread() {
        return String.format("n=%d, min %.0f, max %.0f", sorted.size(), min(), max());
    }
}
