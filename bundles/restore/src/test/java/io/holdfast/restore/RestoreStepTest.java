package io.holdfast.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.restore.RestoreStep.Action;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.monitor.OciRuntime;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each action does what its plan entry says it would: a plan and the restore that follows it agree. */
class RestoreStepTest {
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");
    private static final ContainerRecord RECORD = new ContainerRecord(1, "a".repeat(64), "web", T1,
            new ContainerSpec(null, "busybox", List.of(), List.of(), null, false, "none", "runc", 10), "sha256:x",
            RunState.created().started(42, 100, T1), 0, "vfs", "/r", "/b", "/l", null, null);
    private static final MonitorStatus RUNNING = new MonitorStatus(RECORD.id(), 100, 42, T1, RUNC, null);
    private static final MonitorStatus EXITED = new MonitorStatus(RECORD.id(), 100, 42, T1, RUNC,
            new ExitStatus(3, T1.plusSeconds(5)));

    private final RecordingTarget target = new RecordingTarget();

    @Test
    void adoptDoesWhatItsPlanSays() {
        RestoreStep step = new RestoreStep(RECORD, RUNNING, Action.ADOPT);
        assertEquals(step.predict(), step.apply(target));
        assertEquals(new RestoreEntry(RECORD.id(), "web", RestoreOutcome.ADOPTED, "running, pid 42"), step.predict());
        assertEquals(List.of("adopt " + RECORD.id() + " 42"), target.calls);
    }

    @Test
    void markLostDoesWhatItsPlanSays() {
        RestoreStep step = new RestoreStep(RECORD, null, Action.MARK_LOST);
        assertEquals(step.predict(), step.apply(target));
        assertEquals(List.of("lost " + RECORD.id() + " " + RestoreStep.LOST), target.calls);
    }

    @Test
    void aContainerStartedWhileTheRestoreRanIsReportedAsRunningNotLost() {
        target.startedMeanwhile = true; // the supervisor found a monitor holding it when the step came
        RestoreStep step = new RestoreStep(RECORD, null, Action.MARK_LOST);
        assertEquals(new RestoreEntry(RECORD.id(), "web", RestoreOutcome.ADOPTED,
                "started while the restore ran, pid 42"), step.apply(target));
    }

    @Test
    void aContainerRemovedWhileTheRestoreRanIsReportedAsSuch() {
        target.records.clear();
        RestoreStep step = new RestoreStep(RECORD, null, Action.MARK_LOST);
        assertEquals(new RestoreEntry(RECORD.id(), "web", RestoreOutcome.UNCHANGED, "removed while the restore ran"),
                step.apply(target));
    }

    @Test
    void releaseAndKeepChangeNothingButTheMonitor() {
        RestoreStep release = new RestoreStep(RECORD, EXITED, Action.RELEASE_MONITOR);
        RestoreStep keep = new RestoreStep(RECORD, null, Action.KEEP);
        assertEquals(release.predict(), release.apply(target));
        assertEquals(keep.predict(), keep.apply(target));
        assertEquals(RestoreOutcome.UNCHANGED, keep.predict().outcome());
        assertEquals(List.of("release " + RECORD.id()), target.calls);
    }

    @Test
    void applyingAnExitReportsWhatTheSupervisorDidWithIt() {
        RestoreStep step = new RestoreStep(RECORD, EXITED, Action.APPLY_EXIT);
        assertEquals(RestoreOutcome.EXITED_WHILE_DOWN, step.predict().outcome());
        assertEquals(new RestoreEntry(RECORD.id(), "web", RestoreOutcome.REMOVED, "exited with 3 at "
                + T1.plusSeconds(5)), step.apply(target));
        assertEquals(List.of("exited " + RECORD.id() + " 3"), target.calls);
    }

    @Test
    void completingAnInterruptedRemovalDoesWhatItsPlanSays() {
        ContainerRecord exited = RECORD.withState(RECORD.state().exited(3, T1.plusSeconds(5), ""));
        RestoreStep step = new RestoreStep(exited, null, Action.COMPLETE_REMOVAL);
        assertEquals(step.predict(), step.apply(target));
        assertEquals(RestoreOutcome.REMOVED, step.predict().outcome());
        assertEquals(List.of("remove " + RECORD.id()), target.calls);
    }

    /** Records what a step asks of the supervisor; an exit is answered as a --rm container's would be. */
    private static final class RecordingTarget implements RestoreTarget {
        final List<String> calls = new ArrayList<>();
        /** The records as the supervisor has them now; {@code lost} marks unless {@link #startedMeanwhile}. */
        final Map<String, ContainerRecord> records = new java.util.HashMap<>(Map.of(RECORD.id(), RECORD));
        boolean startedMeanwhile;

        @Override
        public List<ContainerRecord> records() {
            return List.copyOf(records.values());
        }

        @Override
        public Map<String, String> unreadableRecords() {
            return Map.of();
        }

        @Override
        public ContainerMonitor monitor() {
            return new ContainerMonitor() {
                @Override
                public MonitorStatus start(MonitorLaunch launch) {
                    throw new UnsupportedOperationException("a restore starts nothing");
                }

                @Override
                public void signal(String containerId, String signal) {
                    throw new UnsupportedOperationException("a restore signals nothing");
                }

                @Override
                public void updateResources(String containerId, String linuxResources) {
                    throw new UnsupportedOperationException("a restore changes no limits");
                }

                @Override
                public java.io.OutputStream openStdin(String containerId) {
                    throw new UnsupportedOperationException("a restore writes to no stdin");
                }

                @Override
                public void resizeTerminal(String containerId, int height, int width) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void resizeExecTerminal(String execId, int height, int width) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public java.io.OutputStream openExecStdin(String execId) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public io.holdfast.spi.monitor.ExecStatus exec(io.holdfast.spi.monitor.ExecLaunch launch) {
                    throw new UnsupportedOperationException("a restore starts nothing");
                }

                @Override
                public Optional<io.holdfast.spi.monitor.ExecStatus> execStatus(String execId) {
                    return Optional.empty();
                }

                @Override
                public java.util.Collection<io.holdfast.spi.monitor.ExecStatus> execs() {
                    return List.of();
                }

                @Override
                public void releaseExec(String execId) {
                    throw new UnsupportedOperationException("a restore releases no exec");
                }

                @Override
                public Optional<MonitorStatus> status(String containerId) {
                    return Optional.empty();
                }

                @Override
                public Collection<MonitorStatus> held() {
                    return List.of();
                }

                @Override
                public Collection<MonitorStatus> unmonitored() {
                    return List.of();
                }

                @Override
                public void pause(String containerId) {
                    throw new UnsupportedOperationException("a restore freezes nothing");
                }

                @Override
                public void resume(String containerId) {
                    throw new UnsupportedOperationException("a restore thaws nothing");
                }

                @Override
                public boolean paused(String containerId) {
                    return false;
                }

                @Override
                public List<Long> processes(String containerId) {
                    throw new UnsupportedOperationException("a restore lists no processes");
                }

                @Override
                public void release(String containerId, boolean kill) {
                    calls.add("release " + containerId);
                }
            };
        }

        @Override
        public List<PluginCheck> restorePlugins() {
            return List.of();
        }

        @Override
        public List<PluginCheck> plugins() {
            return List.of();
        }

        @Override
        public void acceptEnvironment(String containerId, Map<String, String> environment) {
            calls.add("accept " + containerId);
        }

        @Override
        public void adopt(String containerId, MonitorStatus monitor) {
            calls.add("adopt " + containerId + " " + monitor.pid());
        }

        @Override
        public RestoreOutcome exitedWhileDown(MonitorStatus ended) {
            calls.add("exited " + ended.containerId() + " " + ended.exit().code());
            return RestoreOutcome.REMOVED;
        }

        @Override
        public void completeRemoval(String containerId) {
            calls.add("remove " + containerId);
        }

        @Override
        public void lost(String containerId, String reason) {
            calls.add("lost " + containerId + " " + reason);
            ContainerRecord record = records.get(containerId);
            if (record != null && !startedMeanwhile) { // the supervisor marks only what is still running unheld
                records.put(containerId, record.withState(record.state().exited(255, T1, reason)));
            }
        }

        @Override
        public void restoreCompleted(RestoreReport report) {
            calls.add("completed");
        }
    }
}
