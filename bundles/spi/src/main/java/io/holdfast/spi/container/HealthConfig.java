package io.holdfast.spi.container;

import java.time.Duration;
import java.util.List;

/**
 * Docker's {@code Healthcheck}: how the engine probes a running container. Zero durations and retries mean "the
 * default" ({@link #DEFAULT_INTERVAL}, ...), as in Docker, so a create's zero takes the image's value or the default.
 *
 * <pre>{@code new HealthConfig(List.of("CMD-SHELL", "test -f /ready"), Duration.ofSeconds(5), null, null, null, 3)}</pre>
 *
 * @param test          {@code ["NONE"]} (no probing, also over the image's), {@code ["CMD", arg...]},
 *                      {@code ["CMD-SHELL", "command"]} (run by {@code /bin/sh -c}); empty: the image's
 * @param interval      time between the end of one probe and the start of the next; zero: the default (30 s)
 * @param timeout       a probe running longer is killed and counts as failed; zero: the default (30 s)
 * @param startPeriod   failures in this time after a start do not count until a probe succeeded; zero: none
 * @param startInterval the interval used during the start period; zero: the default (5 s)
 * @param retries       consecutive failures that make the container unhealthy; zero: the default (3)
 */
public record HealthConfig(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                           Duration startInterval, int retries) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 3;
    /** {@code --no-healthcheck}: no probing, even when the image has a health check. */
    public static final HealthConfig NONE = new HealthConfig(List.of("NONE"), null, null, null, null, 0);

    public HealthConfig {
        test = test == null ? List.of() : List.copyOf(test);
        interval = atLeastZero("Interval", interval);
        timeout = atLeastZero("Timeout", timeout);
        startPeriod = atLeastZero("StartPeriod", startPeriod);
        startInterval = atLeastZero("StartInterval", startInterval);
        if (retries < 0) {
            throw new IllegalArgumentException("Retries in Healthcheck cannot be negative, got " + retries);
        }
        if (!test.isEmpty()) {
            String kind = test.get(0);
            switch (kind) {
                case "NONE" -> { }
                case "CMD", "CMD-SHELL" -> {
                    if (test.size() < 2 || (kind.equals("CMD-SHELL") && test.get(1).isBlank())) {
                        throw new IllegalArgumentException("Healthcheck Test " + test + ": " + kind
                                + " needs a command");
                    }
                }
                default -> throw new IllegalArgumentException("Healthcheck Test " + test + ": expected NONE, CMD "
                        + "or CMD-SHELL as the first element, got \"" + kind + "\"");
            }
        }
    }

    private static Duration atLeastZero(String field, Duration value) {
        if (value == null) {
            return Duration.ZERO;
        }
        // Docker: 0 means "the default", anything else must be at least 1 ms
        if (value.isNegative() || (!value.isZero() && value.compareTo(Duration.ofMillis(1)) < 0)) {
            throw new IllegalArgumentException(field + " in Healthcheck cannot be less than 1ms, got " + value);
        }
        return value;
    }

    /** Whether this turns probing off ({@code NONE}). */
    public boolean disabled() {
        return !test.isEmpty() && test.get(0).equals("NONE");
    }

    /** What a probe runs, or an empty list when there is nothing to run. */
    public List<String> command() {
        if (test.isEmpty() || disabled()) {
            return List.of();
        }
        if (test.get(0).equals("CMD-SHELL")) {
            return List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
        }
        return test.subList(1, test.size());
    }

    public Duration effectiveInterval() {
        return interval.isZero() ? DEFAULT_INTERVAL : interval;
    }

    public Duration effectiveTimeout() {
        return timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
    }

    public Duration effectiveStartInterval() {
        return startInterval.isZero() ? DEFAULT_START_INTERVAL : startInterval;
    }

    public int effectiveRetries() {
        return retries == 0 ? DEFAULT_RETRIES : retries;
    }

    /**
     * moby's merge: this (the create's) over the image's: an empty test and zero values take the image's. A
     * {@code null} on either side is "none given".
     */
    public static HealthConfig merge(HealthConfig own, HealthConfig image) {
        if (own == null) {
            return image;
        }
        if (image == null) {
            return own;
        }
        return new HealthConfig(own.test.isEmpty() ? image.test : own.test, or(own.interval, image.interval),
                or(own.timeout, image.timeout), or(own.startPeriod, image.startPeriod),
                or(own.startInterval, image.startInterval), own.retries == 0 ? image.retries : own.retries);
    }

    private static Duration or(Duration own, Duration image) {
        return own.isZero() ? image : own;
    }
}
