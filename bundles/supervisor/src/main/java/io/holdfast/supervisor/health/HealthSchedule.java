package io.holdfast.supervisor.health;

import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.HealthProbe;
import io.holdfast.spi.container.HealthState;
import java.time.Instant;

/**
 * When a container's next health probe is due, from what is saved alone (so an engine that was killed resumes on
 * the same schedule): an interval after the end of the run's last probe, or after the run's start when it has none,
 * as Docker's monitor waits an interval after each probe. While the container is still {@code starting} within its
 * start period the start interval is used instead.
 *
 * <pre>{@code Instant due = HealthSchedule.nextDue(config, record.health(), record.state().startedAt());}</pre>
 */
public final class HealthSchedule {
    private HealthSchedule() {
    }

    /** @param saved the saved health (may be {@code null}, or of an earlier run) */
    public static Instant nextDue(HealthConfig config, HealthState saved, Instant runStartedAt) {
        HealthState current = current(saved, runStartedAt);
        HealthProbe last = current.lastProbe();
        Instant from = last == null ? runStartedAt : last.end();
        boolean starting = current.status().equals(HealthState.STARTING) && !config.startPeriod().isZero()
                && from.isBefore(runStartedAt.plus(config.startPeriod()));
        return from.plus(starting ? config.effectiveStartInterval() : config.effectiveInterval());
    }

    /** The health of the run started at {@code runStartedAt}: the saved one if it is that run's, else starting. */
    public static HealthState current(HealthState saved, Instant runStartedAt) {
        return saved == null ? HealthState.starting(runStartedAt, null) : saved.forRun(runStartedAt);
    }
}
