package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.monitor.OciRuntime;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.supervisor.state.ContainerStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How exits are applied: once per run, with --rm and restart policies, never to a newer run. */
class LifecycleExitTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");
    private static final long LOG_SIZE_MAX = 2 * 1024 * 1024;

    @TempDir
    Path dataRoot;

    private final FakeMonitor monitor = new FakeMonitor();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor();
    private final RecordingEvents events = new RecordingEvents();
    private final ExitWaiters waiters = new ExitWaiters();
    private ContainerTable table;
    private Lifecycle lifecycle;

    /** Returns once what the exits handed to the after-exit thread (the monitors' releases) has run. */
    private void afterExitDone() throws Exception {
        restarts.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS); // one thread: tasks run in order
    }

    @AfterEach
    void stopExecutor() {
        restarts.shutdownNow();
    }

    private String container(RestartPolicy policy, boolean autoRemove) {
        DaemonConfig config = new DaemonConfig(null, true, dataRoot.toString(), dataRoot.resolve("run").toString(),
                List.of("unix:///x.sock"), "runc", Map.of("runc", RUNC), "vfs", false, 10,
                "k8s-file", LOG_SIZE_MAX);
        table = new ContainerTable(new ContainerStore(dataRoot.resolve("containers")), List.of());
        Plugins plugins = new Plugins();
        plugins.add(new io.holdfast.spi.storage.StorageDriver() {
            public String name() {
                return "vfs";
            }

            public Path create(String id, Path image, Path home) {
                return home.resolve(id);
            }

            public void remove(String id, Path home) {
            }

            public void restore(java.util.Set<String> ids, Path home) {
            }
        });
        plugins.add(new io.holdfast.spi.network.NetworkBridge() {
            public String name() {
                return "none";
            }

            public io.holdfast.spi.network.NetworkAttachment attach(String id) {
                return new io.holdfast.spi.network.NetworkAttachment("none", null, Map.of());
            }

            public void detach(String id) {
            }

            public void restore(Map<String, io.holdfast.spi.network.NetworkAttachment> attachments) {
            }
        });
        lifecycle = new Lifecycle(() -> config, monitor, plugins, table, waiters, restarts,
                new EventPublisher(() -> events));
        String id = "f".repeat(64);
        table.put(new ContainerRecord(1, id, "c", Instant.now(), new ContainerSpec("c", "busybox", List.of(),
                List.of(), policy, autoRemove, "none", "runc", 10), "sha256:x", RunState.created(), 0, "vfs",
                dataRoot.resolve("rootfs").toString(), dataRoot.resolve("bundle").toString(),
                dataRoot.resolve("c.log").toString(), null, null));
        return id;
    }

    @Test
    void startHandsTheLogSizeBoundToTheMonitor() {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        assertEquals(LOG_SIZE_MAX, monitor.lastLaunch().logSizeMax());
    }

    @Test
    void exitIsRecordedAndTheMonitorFreed() throws Exception {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        assertEquals(RestoreOutcome.EXITED_WHILE_DOWN, lifecycle.exited(monitor.end(id, 3), false));
        assertEquals(ContainerStatus.EXITED, table.byId(id).state().status());
        assertEquals(3, table.byId(id).state().exitCode());
        afterExitDone();
        assertTrue(monitor.status(id).isEmpty());
        assertEquals(List.of("start", "die"), events.actions());
        assertEquals(Map.of("exitCode", "3", "image", "busybox", "name", "c"), events.published.get(1).attributes());
        assertEquals(id, events.published.get(1).actorId());
    }

    @Test
    void autoRemoveRemovesAfterTheExit() {
        String id = container(RestartPolicy.NONE, true);
        lifecycle.start(id);
        assertEquals(RestoreOutcome.REMOVED, lifecycle.exited(monitor.end(id, 0), true));
        assertTrue(table.all().isEmpty());
        assertEquals(List.of("start", "die", "destroy"), events.actions());
    }

    @Test
    void lateReportOfAnEarlierRunNeverEndsTheNewRun() throws Exception {
        String id = container(RestartPolicy.parse("always"), false);
        lifecycle.start(id);
        MonitorStatus firstRunEnded = monitor.end(id, 5);
        assertEquals(RestoreOutcome.RESTARTED, lifecycle.exited(firstRunEnded, true));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!table.byId(id).state().running() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        RunState restarted = table.byId(id).state();
        assertTrue(restarted.running());

        lifecycle.exited(firstRunEnded, false); // the shim replays the first run's exit to a new listener

        assertEquals(restarted, table.byId(id).state(), "the new run is untouched");
        assertEquals(1, table.byId(id).restartCount());
        assertEquals(List.of("start", "die", "start", "restart"), events.actions());
        assertTrue(monitor.status(id).orElseThrow().running(), "the new run's monitor is not released");
    }

    @Test
    void waitersHearOfAnExitOnlyOnceWhatFollowsItIsDecided() throws Exception {
        String id = container(RestartPolicy.parse("on-failure:1"), false);
        lifecycle.start(id);
        // what a waiter (stop, wait) would read the moment it is told: completes on the exiting thread
        var seenByWaiter = waiters.next(id).thenApply(code -> table.byId(id));
        assertEquals(RestoreOutcome.RESTARTED, lifecycle.exited(monitor.end(id, 1), false));
        ContainerRecord seen = seenByWaiter.get();
        assertEquals(ContainerStatus.RESTARTING, seen.state().status(), "never an exited record with a restart due");
        assertEquals(1, seen.restartCount());
        assertEquals(1, seen.state().exitCode());
    }

    @Test
    void aContainerWaitingForItsRestartIsRemovedOnlyWithForce() {
        String id = container(RestartPolicy.parse("always"), false);
        table.put(table.byId(id).withState(table.byId(id).state().restarting()));
        EngineException refused = assertThrows(EngineException.class, () -> lifecycle.remove(id, false));
        assertEquals(EngineException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains("You cannot remove a restarting container"), refused.getMessage());
        assertTrue(table.contains(id), "a refused remove changes nothing");
        lifecycle.remove(id, true);
        assertFalse(table.contains(id));
    }

    @Test
    void theLastAllowedRestartEndsExitedWithItsCount() {
        String id = container(RestartPolicy.parse("on-failure:1"), false);
        table.put(table.byId(id).withRestartCount(1));
        lifecycle.start(id);
        var seenByWaiter = waiters.next(id).thenApply(code -> table.byId(id));
        assertEquals(RestoreOutcome.EXITED_WHILE_DOWN, lifecycle.exited(monitor.end(id, 1), false));
        assertEquals(ContainerStatus.EXITED, seenByWaiter.join().state().status());
        assertEquals(1, table.byId(id).restartCount());
    }

    @Test
    void stopAnswersOnceTheExitIsRecordedWithoutWaitingForTheMonitorsRelease() throws Exception {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        // the shim reports the exit on a thread of its own; its release (runc delete) is held up until the gate opens
        java.util.concurrent.ExecutorService shim = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        try {
            monitor.releaseGate = gate;
            java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
            monitor.onSignal = cid -> {
                if (reported.compareAndSet(false, true)) {
                    shim.execute(() -> lifecycle.exited(monitor.end(cid, 137), false));
                }
            };
            var stopped = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> lifecycle.stop(id, java.time.Duration.ZERO, true));
            // a bound against a hang, not a timing: the old order answered only after the release
            ContainerRecord record = stopped.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(ContainerStatus.EXITED, record.state().status());
            assertTrue(monitor.status(id).isPresent(), "the release was still held up when stop answered");
        } finally {
            gate.countDown();
            shim.shutdown();
            assertTrue(shim.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        afterExitDone();
        assertTrue(monitor.status(id).isEmpty(), "the monitor is released once the runtime answers");
    }

    /**
     * Issue 14: the release after an exit (runc delete, a spawn that takes hundreds of ms with thousands of clients
     * held) no longer runs on the thread that delivers exits, so a second container's exit is applied while the
     * first one's release is still held up. Failed before: the two ran one after the other on that thread.
     */
    @Test
    void aReleaseHeldUpByTheRuntimeDoesNotHoldUpTheNextExit() throws Exception {
        String first = container(RestartPolicy.NONE, false);
        String second = "e".repeat(64);
        table.put(new ContainerRecord(1, second, "d", Instant.now(), new ContainerSpec("d", "busybox", List.of(),
                List.of(), RestartPolicy.NONE, false, "none", "runc", 10), "sha256:x", RunState.created(), 0, "vfs",
                dataRoot.resolve("rootfs-d").toString(), dataRoot.resolve("bundle-d").toString(),
                dataRoot.resolve("d.log").toString(), null, null));
        lifecycle.start(first);
        lifecycle.start(second);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        monitor.releaseGate = gate;
        java.util.concurrent.ExecutorService shim = Executors.newSingleThreadExecutor(); // the shim's notifier
        try {
            shim.submit(() -> lifecycle.exited(monitor.end(first, 0), false)).get(30,
                    java.util.concurrent.TimeUnit.SECONDS);
            var next = shim.submit(() -> lifecycle.exited(monitor.end(second, 1), false));
            // a bound against a hang, not a timing: the first release, held up by the gate, is on another thread
            assertEquals(RestoreOutcome.EXITED_WHILE_DOWN, next.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, table.byId(second).state().exitCode());
            assertTrue(monitor.status(first).isPresent(), "the first release is still held up");
        } finally {
            gate.countDown();
            shim.shutdown();
            assertTrue(shim.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        afterExitDone();
        assertTrue(monitor.status(first).isEmpty() && monitor.status(second).isEmpty(), "both monitors released");
    }

    // ---- a restore re-run (restore-bundle swap) plans from a snapshot while the API goes on: stale steps

    private RestoreSteps restoreSteps() {
        return new RestoreSteps(table, monitor, lifecycle, new EventPublisher(() -> events));
    }

    @Test
    void aStopAnsweredWhileARestorePlannedIsNotUndoneByItsAdoption() {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        MonitorStatus planned = monitor.status(id).orElseThrow(); // the restore's snapshot: running
        lifecycle.exited(monitor.end(id, 137), false); // the stop's SIGKILL landed and was recorded
        restoreSteps().adopt(id, planned);
        assertEquals(ContainerStatus.EXITED, table.byId(id).state().status(), "the stale adoption changed nothing");
        assertEquals(137, table.byId(id).state().exitCode());
        lifecycle.remove(id, false); // the soak's rm that got 409 "cannot remove a running container"
        assertFalse(table.contains(id));
    }

    @Test
    void aRunThatEndedSinceThePlanHasItsExitAppliedByTheAdoption() throws Exception {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        MonitorStatus planned = monitor.status(id).orElseThrow();
        monitor.end(id, 3); // ended; the shim's report has not reached the supervisor yet
        restoreSteps().adopt(id, planned);
        assertEquals(ContainerStatus.EXITED, table.byId(id).state().status());
        assertEquals(3, table.byId(id).state().exitCode());
        afterExitDone();
        assertTrue(monitor.status(id).isEmpty(), "the monitor is freed");
    }

    @Test
    void anExitAppliedTwiceIsRecordedOnceAndItsRestartPolicyAppliedOnce() {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        MonitorStatus ended = monitor.end(id, 9);
        lifecycle.exited(ended, false); // the live exit path
        long dies = events.actions().stream().filter("die"::equals).count();
        Instant finished = table.byId(id).state().finishedAt();
        assertEquals(RestoreOutcome.EXITED_WHILE_DOWN, restoreSteps().exitedWhileDown(ended)); // the stale plan's
        assertEquals(finished, table.byId(id).state().finishedAt(), "not recorded again");
        assertEquals(dies, events.actions().stream().filter("die"::equals).count(), "no second die event");
        assertEquals(ContainerStatus.EXITED, table.byId(id).state().status());
    }

    @Test
    void aContainerStartedBetweenThePlansTwoReadsIsNotMarkedLost() {
        String id = container(RestartPolicy.NONE, false);
        // planned with no monitor holding it (read before the start) and a record saying running (read after)
        lifecycle.start(id);
        long pid = table.byId(id).state().pid();
        restoreSteps().lost(id, "lost");
        assertTrue(table.byId(id).state().running(), "still running");
        assertEquals(pid, table.byId(id).state().pid());
    }

    @Test
    void aContainerNoMonitorHoldsIsMarkedLost() {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        monitor.release(id, true); // its monitor is gone (host reboot, killed conmon)
        restoreSteps().lost(id, "no monitor holds it");
        assertEquals(ContainerStatus.EXITED, table.byId(id).state().status());
        assertEquals(255, table.byId(id).state().exitCode());
        assertEquals("no monitor holds it", table.byId(id).state().error());
    }

    @Test
    void stepsForAContainerRemovedSinceThePlanDoNothing() {
        String id = container(RestartPolicy.NONE, false);
        lifecycle.start(id);
        MonitorStatus planned = monitor.status(id).orElseThrow();
        lifecycle.exited(monitor.end(id, 0), false);
        lifecycle.remove(id, false);
        RestoreSteps steps = restoreSteps();
        steps.adopt(id, planned);
        steps.lost(id, "lost");
        steps.completeRemoval(id);
        assertFalse(table.contains(id), "no record brought back");
    }
}
