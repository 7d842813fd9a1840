package io.holdfast.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.restore.RestoreStep.Action;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.monitor.OciRuntime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:05:00Z");
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");

    private static ContainerRecord record(String id, RunState state) {
        return record(id, state, false);
    }

    private static ContainerRecord record(String id, RunState state, boolean autoRemove) {
        return new ContainerRecord(1, id, "n-" + id, T1, new ContainerSpec(null, "busybox", List.of(), List.of(),
                null, autoRemove, "none", "runc", 10), "sha256:x", state, 0, "vfs", "/r", "/b", "/l", null, null);
    }

    private static MonitorStatus running(String id, long pid, Instant started) {
        return new MonitorStatus(id, 100, pid, started, RUNC, null);
    }

    private static MonitorStatus exited(String id, Instant started, int code) {
        return new MonitorStatus(id, 100, 42, started, RUNC, new ExitStatus(code, T2));
    }

    @Test
    void runningContainerStillHeldIsAdopted() {
        assertEquals(Action.ADOPT, RestorePlanner.decide(record("a", RunState.created().started(42, 100, T1)),
                running("a", 42, T1)));
    }

    @Test
    void containerThatExitedWhileDownGetsItsExitApplied() {
        assertEquals(Action.APPLY_EXIT, RestorePlanner.decide(record("a", RunState.created().started(42, 100, T1)),
                exited("a", T1, 3)));
    }

    @Test
    void runningRecordWithoutMonitorIsLost() {
        assertEquals(Action.MARK_LOST, RestorePlanner.decide(record("a", RunState.created().started(42, 100, T1)),
                null));
    }

    @Test
    void createdContainerStaysCreated() {
        assertEquals(Action.KEEP, RestorePlanner.decide(record("a", RunState.created()), null));
    }

    @Test
    void startTheEngineDidNotGetToSaveIsAdopted() {
        assertEquals(Action.ADOPT, RestorePlanner.decide(record("a", RunState.created()), running("a", 42, T2)));
        assertEquals(Action.APPLY_EXIT, RestorePlanner.decide(record("a", RunState.created()), exited("a", T2, 0)));
    }

    @Test
    void exitAlreadyRecordedOnlyFreesTheMonitor() {
        RunState recorded = RunState.created().started(42, 100, T1).exited(3, T2, "");
        assertEquals(Action.RELEASE_MONITOR, RestorePlanner.decide(record("a", recorded), exited("a", T1, 3)));
    }

    /** Issue 14: the engine was killed after recording the exit of an --rm container, before removing it. */
    @Test
    void rmContainerWhoseExitWasRecordedButNotRemovedIsRemoved() {
        RunState recorded = RunState.created().started(42, 100, T1).exited(0, T2, "");
        assertEquals(Action.COMPLETE_REMOVAL, RestorePlanner.decide(record("a", recorded, true), null));
        assertEquals(Action.COMPLETE_REMOVAL, RestorePlanner.decide(record("a", recorded, true), exited("a", T1, 0)));
    }

    /** Found by the crash-point harness: {@code sh -c 'exit 0'} ends before the engine notes its start. */
    @Test
    void rmContainerThatExitedBeforeItsRecordedStartIsRemovedToo() {
        RunState recorded = RunState.created().started(42, 100, T2).exited(0, T1, "");
        assertEquals(Action.COMPLETE_REMOVAL, RestorePlanner.decide(record("a", recorded, true), null));
    }

    @Test
    void rmContainerThatNeverRanIsKept() {
        assertEquals(Action.KEEP, RestorePlanner.decide(record("a", RunState.created(), true), null));
        RunState failed = RunState.created().failedToStart("exec: no such file");
        assertEquals(Action.KEEP, RestorePlanner.decide(record("a", failed, true), null));
    }

    @Test
    void monitorsWithoutRecordsAreOrphans() {
        assertEquals(List.of("zz"), RestorePlanner.orphans(List.of(record("a", RunState.created())),
                List.of(running("zz", 7, T1))));
    }
}
