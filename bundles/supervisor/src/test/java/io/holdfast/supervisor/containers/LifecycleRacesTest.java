package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.OciRuntime;
import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.storage.StorageDriver;
import io.holdfast.supervisor.state.ContainerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two operations on one container that race resolve as in Docker. Each test makes the race happen every time: it
 * holds the container's lock until the racing operation waits for it, then lands the other operation first (the
 * lock is reentrant), and lets go.
 */
class LifecycleRacesTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");

    @TempDir
    Path dataRoot;

    private final FakeMonitor monitor = new FakeMonitor();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService racer = Executors.newSingleThreadExecutor();
    private ContainerTable table;
    /** Stands for an engine killed while the storage driver removes the root filesystem. */
    private volatile boolean storageRemovalCutShort;
    private Lifecycle lifecycle;

    @AfterEach
    void stopExecutors() {
        restarts.shutdownNow();
        racer.shutdownNow();
    }

    @Test
    void rmWithoutForceRacingAStartAnswers409AndLeavesTheContainerRunning() throws Exception {
        String id = container(RestartPolicy.NONE);
        ReentrantLock lock = table.lock(id);
        CompletableFuture<Void> removal;
        lock.lock();
        try {
            removal = CompletableFuture.runAsync(() -> lifecycle.remove(id, false), racer);
            awaitQueued(lock);
            lifecycle.start(id);
        } finally {
            lock.unlock();
        }
        Throwable refused = assertFails(removal);
        assertTrue(refused instanceof EngineException e && e.kind() == EngineException.Kind.CONFLICT, "" + refused);
        assertTrue(refused.getMessage().contains("You cannot remove a running container"), refused.getMessage());
        assertTrue(table.contains(id), "the running container is still there");
        assertTrue(table.byId(id).state().running());
    }

    @Test
    void forcedRmRacingAStartStopsTheNewRunAndRemoves() throws Exception {
        String id = container(RestartPolicy.NONE);
        ReentrantLock lock = table.lock(id);
        CompletableFuture<Void> removal;
        lock.lock();
        try {
            removal = CompletableFuture.runAsync(() -> lifecycle.remove(id, true), racer);
            awaitQueued(lock);
            lifecycle.start(id);
            monitor.onSignal = containerId -> lifecycle.exited(monitor.end(containerId, 137), false);
        } finally {
            lock.unlock();
        }
        removal.get(10, TimeUnit.SECONDS);
        assertTrue(!table.contains(id), "removed");
        assertTrue(monitor.status(id).isEmpty(), "its monitor is released, not left running");
    }

    @Test
    void userStopThatLandsBeforeAPendingPolicyRestartWins() throws Exception {
        String id = container(RestartPolicy.parse("always"));
        lifecycle.start(id);
        ReentrantLock lock = table.lock(id);
        lock.lock();
        try {
            lifecycle.exited(monitor.end(id, 1), true); // schedules the restart at once
            awaitQueued(lock);
            lifecycle.stop(id, Duration.ZERO, true);
        } finally {
            lock.unlock();
        }
        restarts.submit(() -> { }).get(10, TimeUnit.SECONDS); // the restart task has run: one thread, in order
        ContainerRecord after = table.byId(id);
        assertEquals(ContainerStatus.EXITED, after.state().status(), "the user's stop wins");
        assertTrue(after.state().manuallyStopped());
        assertTrue(monitor.status(id).isEmpty(), "no new run was started");
    }

    /**
     * Issue 14: a removal cut short by a crash must be completed or undone by the next start. The record goes
     * before the network and the storage, so what is left is only what the plugins' restore deletes (what no record
     * knows), never a record of a container whose root filesystem is half gone.
     */
    @Test
    void removalCutShortLeavesNoRecordForTheNextStartToFind() throws Exception {
        String id = container(RestartPolicy.NONE);
        storageRemovalCutShort = true;
        EngineException failed = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class,
                () -> lifecycle.remove(id, false));
        assertTrue(failed.getMessage().contains("the rest is deleted at the engine's next start"), failed.getMessage());
        assertTrue(!table.contains(id));
        assertTrue(new ContainerStore(dataRoot.resolve("containers")).loadAll().isEmpty(), "no record on disk");
    }

    /** Waits until another thread waits for {@code lock}: the racing operation has passed what it does unlocked. */
    private static void awaitQueued(ReentrantLock lock) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!lock.hasQueuedThreads()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the racing operation never waited for the container's lock");
            }
            Thread.sleep(1);
        }
    }

    private static Throwable assertFails(CompletableFuture<Void> operation) throws Exception {
        try {
            operation.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the racing operation to be refused, but it succeeded");
    }

    private String container(RestartPolicy policy) {
        DaemonConfig config = new DaemonConfig(null, true, dataRoot.toString(), dataRoot.resolve("run").toString(),
                List.of("unix:///x.sock"), "runc", Map.of("runc", RUNC), "vfs", false, 10, "k8s-file", 1 << 20);
        table = new ContainerTable(new ContainerStore(dataRoot.resolve("containers")), List.of());
        Plugins plugins = new Plugins();
        plugins.add(new StorageDriver() {
            public String name() {
                return "vfs";
            }

            public Path create(String id, Path image, Path home) {
                return home.resolve(id);
            }

            public void remove(String id, Path home) throws java.io.IOException {
                if (storageRemovalCutShort) {
                    throw new java.io.IOException("engine killed here");
                }
            }

            public void restore(Set<String> ids, Path home) {
            }
        });
        plugins.add(new NetworkBridge() {
            public String name() {
                return "none";
            }

            public NetworkAttachment attach(String id) {
                return new NetworkAttachment("none", null, Map.of());
            }

            public void detach(String id) {
            }

            public void restore(Map<String, NetworkAttachment> attachments) {
            }
        });
        lifecycle = new Lifecycle(() -> config, monitor, plugins, table, new ExitWaiters(), restarts,
                new EventPublisher(RecordingEvents::new));
        String id = "e".repeat(64);
        table.put(new ContainerRecord(1, id, "c", Instant.now(), new ContainerSpec("c", "busybox", List.of(),
                List.of(), policy, false, "none", "runc", 10), "sha256:x", RunState.created(), 0, "vfs",
                dataRoot.resolve("rootfs").toString(), dataRoot.resolve("bundle").toString(),
                dataRoot.resolve("c.log").toString(), null, null));
        return id;
    }
}
