package io.holdfast.common.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.HealthProbe;
import io.holdfast.spi.container.HealthState;
import io.holdfast.spi.container.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthViewsTest {
    private static final Instant STARTED = Instant.parse("2026-11-30T10:00:00Z");
    private static final HealthConfig CHECK = new HealthConfig(List.of("CMD-SHELL", "true"), Duration.ofSeconds(2),
            null, null, null, 0);

    private static ContainerRecord running(HealthConfig check, HealthState health, Instant startedAt) {
        ContainerSpec spec = new ContainerSpec("web", "busybox", List.of("sleep", "1"), List.of(), null, false, "none",
                null, 10).withHealthcheck(check);
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, "a".repeat(64), "web", STARTED, spec, "sha256:x",
                RunState.created().started(1, 2, startedAt), 0, "vfs", "/r", "/b", "/l", null, Map.of(), health);
    }

    @Test
    void psShowsTheSavedStatusOfThisRunAndStartingForANewRun() {
        HealthState unhealthy = new HealthState(HealthState.UNHEALTHY, 3, List.of(new HealthProbe(STARTED,
                STARTED, 1, "")), STARTED);
        assertEquals(" (unhealthy)", HealthViews.psSuffix(running(CHECK, unhealthy, STARTED)));
        ContainerRecord restarted = running(CHECK, unhealthy, STARTED.plusSeconds(60));
        assertEquals(" (health: starting)", HealthViews.psSuffix(restarted));
        assertEquals(0, HealthViews.inspect(restarted).failingStreak());
        assertEquals(1, HealthViews.inspect(restarted).log().size(), "the log is kept, as Docker keeps it");
        assertEquals("Up Less than a second (health: starting)", DockerViews.statusText(restarted,
                STARTED.plusSeconds(60)));
    }

    @Test
    void noCheckOrATurnedOffOneShowsNoHealth() {
        assertEquals("", HealthViews.psSuffix(running(null, null, STARTED)));
        assertNull(HealthViews.inspect(running(HealthConfig.NONE, null, STARTED)));
    }

    @Test
    void configShowsTheCheckInNanoseconds() {
        assertEquals(new io.holdfast.docker.model.HealthcheckConfig(List.of("CMD-SHELL", "true"), 2_000_000_000L, 0,
                0, 0, 0), HealthViews.config(CHECK));
        assertNull(HealthViews.config(null));
    }
}
