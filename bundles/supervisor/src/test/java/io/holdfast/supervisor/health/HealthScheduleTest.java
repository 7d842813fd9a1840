package io.holdfast.supervisor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.HealthProbe;
import io.holdfast.spi.container.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe schedule and the status rules against a hand-driven clock: each probe's times are given, not waited. */
class HealthScheduleTest {
    private static final Instant STARTED = Instant.parse("2026-11-30T10:00:00Z");
    private static final HealthConfig EVERY_10S = new HealthConfig(List.of("CMD", "true"), Duration.ofSeconds(10),
            Duration.ofSeconds(2), null, null, 3);

    /** A fake clock: the instant {@code seconds} after the run started. */
    private static Instant at(double seconds) {
        return STARTED.plusMillis((long) (seconds * 1000));
    }

    private static HealthProbe probe(double startSeconds, double endSeconds, int code) {
        return new HealthProbe(at(startSeconds), at(endSeconds), code, "out");
    }

    @Test
    void theFirstProbeIsAnIntervalAfterTheStartAndEachNextAnIntervalAfterTheLastEnded() {
        assertEquals(at(10), HealthSchedule.nextDue(EVERY_10S, null, STARTED));
        HealthState once = HealthSchedule.current(null, STARTED).after(probe(10, 10.5, 0), EVERY_10S);
        assertEquals(at(20.5), HealthSchedule.nextDue(EVERY_10S, once, STARTED));
    }

    @Test
    void aRestoredEngineContinuesFromTheSavedLastProbeNotFromAFreshStartPeriod() {
        HealthConfig withStartPeriod = new HealthConfig(List.of("CMD", "true"), Duration.ofSeconds(10), null,
                Duration.ofSeconds(60), Duration.ofSeconds(1), 3);
        HealthState saved = HealthSchedule.current(null, STARTED).after(probe(1, 1.2, 0), withStartPeriod);
        // healthy, so the start interval no longer applies: the saved probe's end plus the interval
        assertEquals(at(11.2), HealthSchedule.nextDue(withStartPeriod, saved, STARTED));
    }

    @Test
    void theStartIntervalAppliesWhileStartingWithinTheStartPeriod() {
        HealthConfig config = new HealthConfig(List.of("CMD", "true"), Duration.ofSeconds(30), null,
                Duration.ofSeconds(20), Duration.ofSeconds(2), 3);
        assertEquals(at(2), HealthSchedule.nextDue(config, null, STARTED));
        HealthState failing = HealthSchedule.current(null, STARTED).after(probe(2, 2.1, 1), config);
        assertEquals(HealthState.STARTING, failing.status());
        assertEquals(0, failing.failingStreak(), "a failure within the start period does not count");
        assertEquals(at(4.1), HealthSchedule.nextDue(config, failing, STARTED));
        HealthState late = failing.after(probe(21, 21.1, 1), config);
        assertEquals(1, late.failingStreak(), "after the start period failures count");
        assertEquals(at(51.1), HealthSchedule.nextDue(config, late, STARTED));
    }

    @Test
    void retriesFailuresInARowMakeItUnhealthyAndOneSuccessHealthyAgain() {
        HealthState state = HealthSchedule.current(null, STARTED);
        state = state.after(probe(10, 11, 1), EVERY_10S);
        state = state.after(probe(21, 22, 1), EVERY_10S);
        assertEquals(HealthState.STARTING, state.status());
        assertEquals(2, state.failingStreak());
        state = state.after(probe(32, 33, -1), EVERY_10S);
        assertEquals(HealthState.UNHEALTHY, state.status());
        assertEquals(3, state.failingStreak());
        state = state.after(probe(43, 44, 1), EVERY_10S);
        assertEquals(4, state.failingStreak(), "the streak keeps growing while unhealthy");
        state = state.after(probe(54, 55, 0), EVERY_10S);
        assertEquals(HealthState.HEALTHY, state.status());
        assertEquals(0, state.failingStreak());
    }

    @Test
    void theLogKeepsTheLastFiveProbes() {
        HealthState state = HealthSchedule.current(null, STARTED);
        for (int i = 1; i <= 7; i++) {
            state = state.after(probe(i * 10, i * 10 + 1, 0), EVERY_10S);
        }
        assertEquals(5, state.log().size());
        assertEquals(at(30), state.log().get(0).start());
        assertEquals(at(71), state.lastProbe().end());
    }

    @Test
    void aNewRunStartsOverAtStartingAndKeepsTheLog() {
        HealthState unhealthy = new HealthState(HealthState.UNHEALTHY, 4, List.of(probe(10, 11, 1)), STARTED);
        Instant restarted = at(100);
        HealthState next = HealthSchedule.current(unhealthy, restarted);
        assertEquals(HealthState.STARTING, next.status());
        assertEquals(0, next.failingStreak());
        assertEquals(1, next.log().size());
        assertNull(next.lastProbe(), "the earlier run's probe does not set the new run's schedule");
        assertEquals(restarted.plusSeconds(10), HealthSchedule.nextDue(EVERY_10S, unhealthy, restarted));
    }

    @Test
    void outputIsCappedAtDockersFourKilobytes() {
        HealthProbe big = new HealthProbe(STARTED, STARTED, 0, "x".repeat(10_000));
        assertEquals(HealthProbe.MAX_OUTPUT_BYTES, big.output().length());
    }

    @Test
    void probeOutputJoinsPartialLinesAndSkipsTornOnes() {
        StringBuilder text = new StringBuilder();
        ProbeOutput.appendContent("2026-11-25T16:04:16.822669964+00:00 stdout P hel", text);
        ProbeOutput.appendContent("2026-11-25T16:04:16.822669964+00:00 stdout F lo", text);
        ProbeOutput.appendContent("2026-11-25T16:04:16.9+00:00 stderr F oops", text);
        ProbeOutput.appendContent("torn", text);
        assertEquals("hello\noops\n", text.toString());
    }
}
