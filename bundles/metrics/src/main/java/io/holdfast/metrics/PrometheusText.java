package io.holdfast.metrics;

import io.holdfast.spi.metrics.MetricWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples in Prometheus' text exposition format (0.0.4): each metric's {@code # HELP} and {@code # TYPE} once, then
 * its samples, metrics in the order they were first written. A metric written with two types is an error in the
 * source that wrote it second.
 */
final class PrometheusText implements MetricWriter {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Family(String type, String help, List<String> lines) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    @Override
    public void gauge(String name, String help, Map<String, String> labels, double value) {
        family(name, "gauge", help).add(name + labels(labels, null) + " " + number(value));
    }

    @Override
    public void counter(String name, String help, Map<String, String> labels, double value) {
        family(name, "counter", help).add(name + labels(labels, null) + " " + number(value));
    }

    @Override
    public void histogram(String name, String help, Map<String, String> labels, List<Double> upperBounds,
                          List<Long> cumulativeCounts, double sum, long count) {
        if (upperBounds.size() != cumulativeCounts.size()) {
            throw new IllegalArgumentException(name + ": " + upperBounds.size() + " bounds but "
                    + cumulativeCounts.size() + " counts");
        }
        List<String> lines = family(name, "histogram", help);
        for (int i = 0; i < upperBounds.size(); i++) {
            if (upperBounds.get(i) != Double.POSITIVE_INFINITY) {
                lines.add(name + "_bucket" + labels(labels, number(upperBounds.get(i))) + " " + cumulativeCounts.get(i));
            }
        }
        lines.add(name + "_bucket" + labels(labels, "+Inf") + " " + count);
        lines.add(name + "_sum" + labels(labels, null) + " " + number(sum));
        lines.add(name + "_count" + labels(labels, null) + " " + count);
    }

    /** The whole exposition, ending in a newline. */
    String text() {
        StringBuilder out = new StringBuilder();
        families.forEach((name, family) -> {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(family.type()).append('\n');
            family.lines().forEach(line -> out.append(line).append('\n'));
        });
        return out.toString();
    }

    private List<String> family(String name, String type, String help) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("not a Prometheus metric name: \"" + name + "\"");
        }
        Family family = families.computeIfAbsent(name, n -> new Family(type, help, new ArrayList<>()));
        if (!family.type().equals(type)) {
            throw new IllegalArgumentException(name + " is a " + family.type() + ", written again as a " + type);
        }
        return family.lines();
    }

    private static String labels(Map<String, String> labels, String le) {
        if (labels.isEmpty() && le == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        // Sorted, so a series is written the same way on every scrape whatever map the caller built.
        new TreeMap<>(labels).forEach((key, value) -> out.append(key).append("=\"").append(escapeValue(value)).append("\","));
        if (le != null) {
            out.append("le=\"").append(le).append("\",");
        }
        out.setLength(out.length() - 1);
        return out.append('}').toString();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.isNaN(value) ? "NaN" : Double.toString(value);
    }

    private static String escapeValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
