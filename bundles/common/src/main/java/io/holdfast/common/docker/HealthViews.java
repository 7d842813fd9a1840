package io.holdfast.common.docker;

import io.holdfast.docker.model.ContainerHealth;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.HealthProbe;
import io.holdfast.spi.container.HealthState;
import java.util.List;

/** A container's health as Docker shows it: {@code State.Health} in inspect and the suffix of ps's status. */
public final class HealthViews {
    private HealthViews() {
    }

    /**
     * The health to show, or {@code null} for a container without an active health check or never started. A
     * running container's saved health of an earlier run shows as {@code starting} (a new run starts over).
     */
    public static HealthState shown(ContainerRecord c) {
        HealthConfig config = c.spec().healthcheck();
        if (config == null || config.command().isEmpty()) {
            return null;
        }
        if (c.state().running() && c.state().startedAt() != null) {
            return c.health() == null ? HealthState.starting(c.state().startedAt(), null)
                    : c.health().forRun(c.state().startedAt());
        }
        return c.health();
    }

    public static ContainerHealth inspect(ContainerRecord c) {
        HealthState health = shown(c);
        if (health == null) {
            return null;
        }
        List<ContainerHealth.Result> log = health.log().stream().map(HealthViews::result).toList();
        return new ContainerHealth(health.status(), health.failingStreak(), log);
    }

    private static ContainerHealth.Result result(HealthProbe probe) {
        return new ContainerHealth.Result(probe.start().toString(), probe.end().toString(), probe.exitCode(),
                probe.output());
    }

    /** Docker's {@code Config.Healthcheck}, or {@code null} for none. */
    public static io.holdfast.docker.model.HealthcheckConfig config(HealthConfig check) {
        if (check == null) {
            return null;
        }
        return new io.holdfast.docker.model.HealthcheckConfig(check.test().isEmpty() ? null : check.test(),
                check.interval().toNanos(), check.timeout().toNanos(), check.startPeriod().toNanos(),
                check.startInterval().toNanos(), check.retries());
    }

    /** {@code " (healthy)"}, {@code " (unhealthy)"}, {@code " (health: starting)"}, or empty. */
    public static String psSuffix(ContainerRecord c) {
        HealthState health = shown(c);
        if (health == null || !c.state().running()) {
            return "";
        }
        return health.status().equals(HealthState.STARTING) ? " (health: starting)" : " (" + health.status() + ")";
    }
}
