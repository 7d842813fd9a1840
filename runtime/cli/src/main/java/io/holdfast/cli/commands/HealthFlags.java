package io.holdfast.cli.commands;

import io.holdfast.common.text.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code docker run}'s health check flags, rendered into the create body's {@code Healthcheck} (durations in
 * nanoseconds, as the API takes them). The engine checks the values; this class converts the text and refuses
 * {@code --no-healthcheck} together with a {@code --health-*} flag, as Docker's CLI does.
 */
public final class HealthFlags {
    @Option(names = "--health-cmd", paramLabel = "CMD", description = "Command to run to check health (run by /bin/sh -c).")
    String command;

    @Option(names = "--health-interval", paramLabel = "DURATION", description = "Time between running the check (e.g. 30s; default 30s).")
    String interval;

    @Option(names = "--health-timeout", paramLabel = "DURATION", description = "Maximum time to allow one check to run (default 30s).")
    String timeout;

    @Option(names = "--health-start-period", paramLabel = "DURATION", description = "Start period for the container to initialize before failures count (default 0s).")
    String startPeriod;

    @Option(names = "--health-start-interval", paramLabel = "DURATION", description = "Time between checks during the start period (default 5s).")
    String startInterval;

    @Option(names = "--health-retries", paramLabel = "N", description = "Consecutive failures needed to report unhealthy (default 3).")
    Integer retries;

    @Option(names = "--no-healthcheck", description = "Disable any container-specified or image HEALTHCHECK.")
    boolean disabled;

    /** Adds {@code Healthcheck} to {@code config} when a flag asks for one; returns {@code config}. */
    Map<String, Object> addTo(Map<String, Object> config) {
        boolean any = command != null || interval != null || timeout != null || startPeriod != null
                || startInterval != null || retries != null;
        if (disabled) {
            if (any) {
                throw new IllegalArgumentException("--no-healthcheck conflicts with --health-* options");
            }
            config.put("Healthcheck", Map.of("Test", List.of("NONE")));
            return config;
        }
        if (!any) {
            return config;
        }
        Map<String, Object> check = new LinkedHashMap<>();
        if (command != null) {
            check.put("Test", List.of("CMD-SHELL", command));
        }
        putNanos(check, "Interval", "--health-interval", interval);
        putNanos(check, "Timeout", "--health-timeout", timeout);
        putNanos(check, "StartPeriod", "--health-start-period", startPeriod);
        putNanos(check, "StartInterval", "--health-start-interval", startInterval);
        if (retries != null) {
            check.put("Retries", retries);
        }
        config.put("Healthcheck", check);
        return config;
    }

    private static void putNanos(Map<String, Object> check, String field, String flag, String text) {
        if (text != null) {
            Duration duration = GoDuration.parse(flag, text);
            check.put(field, duration.toNanos());
        }
    }
}
