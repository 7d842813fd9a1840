package io.holdfast.spi.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's {@code State.Health} of one run of a container, saved with its record so a restarted engine shows and
 * continues it (Docker's resets to {@code starting}).
 *
 * @param status        {@link #STARTING}, {@link #HEALTHY} or {@link #UNHEALTHY}
 * @param failingStreak consecutive failed probes that counted
 * @param log           the last {@link #MAX_LOG} probes, oldest first
 * @param runStartedAt  the start of the run this belongs to; a later start of the container begins again at
 *                      {@code starting}, keeping the log, as Docker does
 */
public record HealthState(String status, int failingStreak, List<HealthProbe> log, Instant runStartedAt) {
    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** Docker's {@code maxLogEntries}. */
    public static final int MAX_LOG = 5;

    public HealthState {
        log = log == null ? List.of() : List.copyOf(log);
        if (!status.equals(STARTING) && !status.equals(HEALTHY) && !status.equals(UNHEALTHY)) {
            throw new IllegalArgumentException("health status \"" + status + "\": expected starting, healthy or "
                    + "unhealthy");
        }
    }

    /** The health of a run that has not been probed yet; {@code previous} (may be null) gives its log. */
    public static HealthState starting(Instant runStartedAt, HealthState previous) {
        return new HealthState(STARTING, 0, previous == null ? List.of() : previous.log, runStartedAt);
    }

    /** This state, or a fresh {@code starting} one if it belongs to another run than the one started at {@code at}. */
    public HealthState forRun(Instant at) {
        return at != null && at.equals(runStartedAt) ? this : starting(at, this);
    }

    /** The last probe of this run, or null. */
    public HealthProbe lastProbe() {
        if (log.isEmpty()) {
            return null;
        }
        HealthProbe last = log.get(log.size() - 1);
        return runStartedAt != null && last.start().isBefore(runStartedAt) ? null : last;
    }

    /**
     * moby's {@code handleProbeResult}: success makes it healthy and clears the streak; a failure counts unless the
     * container is still starting within its start period, and {@code retries} counted failures make it unhealthy.
     */
    public HealthState after(HealthProbe probe, HealthConfig config) {
        List<HealthProbe> kept = new ArrayList<>(log);
        kept.add(probe);
        while (kept.size() > MAX_LOG) {
            kept.remove(0);
        }
        if (probe.exitCode() == 0) {
            return new HealthState(HEALTHY, 0, kept, runStartedAt);
        }
        boolean inStartPeriod = status.equals(STARTING) && runStartedAt != null
                && probe.start().isBefore(runStartedAt.plus(config.startPeriod()));
        if (inStartPeriod) {
            return new HealthState(status, failingStreak, kept, runStartedAt);
        }
        int streak = failingStreak + 1;
        return new HealthState(streak >= config.effectiveRetries() ? UNHEALTHY : status, streak, kept, runStartedAt);
    }
}
