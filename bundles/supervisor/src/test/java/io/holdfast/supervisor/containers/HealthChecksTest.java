package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.HealthState;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.OciRuntime;
import io.holdfast.supervisor.state.ContainerStore;
import io.holdfast.supervisor.state.ExecStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe rounds against a fake shim and a clock the test sets: a probe starts only once due, its exit is recorded
 * into the saved health with Docker's event, and an engine restarted from the saved records probes on the same
 * schedule. Waits are on states (the probe's exec appearing, the record changing), never on time.
 */
class HealthChecksTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");
    private static final String ID = "d".repeat(64);
    private static final Instant STARTED = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path dataRoot;

    private final FakeMonitor monitor = new FakeMonitor();
    private final RecordingEvents recorded = new RecordingEvents();
    private final ExecutorService runner = Executors.newCachedThreadPool();
    private final SetClock clock = new SetClock();
    private ContainerTable table;
    private ExecStore store;

    /** A clock that only moves when the test moves it. */
    private static final class SetClock extends Clock {
        volatile Instant now = STARTED;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void runningContainerWithAHealthCheck() throws Exception {
        table = new ContainerTable(new ContainerStore(dataRoot.resolve("containers")), List.of());
        Path bundle = Files.createDirectories(dataRoot.resolve("containers").resolve(ID).resolve("bundle"));
        Files.writeString(bundle.resolve("config.json"), "{\"process\": {\"args\": [\"sleep\", \"1000\"], "
                + "\"env\": [\"PATH=/bin\"], \"cwd\": \"/\", \"user\": {\"uid\": 0, \"gid\": 0}}}");
        HealthConfig check = new HealthConfig(List.of("CMD", "check"), INTERVAL, Duration.ofHours(1), null, null, 2);
        table.put(new ContainerRecord(ContainerRecord.SCHEMA_VERSION, ID, "c", STARTED,
                new ContainerSpec("c", "busybox", List.of(), List.of(), RestartPolicy.NONE, false, "none", "runc", 10)
                        .withHealthcheck(check),
                "sha256:x", RunState.created().started(42, 41, STARTED), 0, "vfs",
                dataRoot.resolve("rootfs").toString(), bundle.toString(), dataRoot.resolve("c.log").toString(), null,
                null));
        store = new ExecStore(dataRoot.resolve("containers"));
    }

    @AfterEach
    void stopRunner() throws InterruptedException {
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A supervisor's parts as after an engine start: everything read back from disk. */
    private record Engine(Execs execs, HealthChecks checks) {
    }

    private Engine engine() throws Exception {
        ContainerTable reloaded = new ContainerTable(table.store(), table.store().loadAll());
        table = reloaded;
        Execs execs = new Execs(reloaded, new ExecTable(store, store.loadAll()), monitor, () -> new DaemonConfig(null,
                true, dataRoot.toString(), dataRoot.resolve("run").toString(), List.of("unix:///x.sock"), "runc",
                Map.of("runc", RUNC), "vfs", false, 10, "k8s-file", 0), new EventPublisher(() -> recorded));
        return new Engine(execs, new HealthChecks(reloaded, execs, new EventPublisher(() -> recorded), clock));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Ends the one running probe with {@code code}, as the shim announces it, and waits for its result. */
    private void endProbe(Engine engine, int code, int probesBefore) throws InterruptedException {
        await("a probe to run", () -> monitor.execs().stream().anyMatch(e -> e.running()));
        String execId = monitor.execs().stream().filter(e -> e.running()).findFirst().orElseThrow().execId();
        engine.execs().exited(monitor.endExec(execId, code));
        await("the probe's result in the record", () -> health() != null && health().log().size() == probesBefore + 1);
    }

    private HealthState health() {
        return table.byId(ID).health();
    }

    @Test
    void probesRunWhenDueCountFailuresAndResumeOnTheSavedScheduleAfterARestart() throws Exception {
        Engine first = engine();
        clock.now = STARTED.plus(INTERVAL).minusMillis(1);
        first.checks().tick(runner);
        assertTrue(monitor.execs().isEmpty(), "not due yet");

        clock.now = STARTED.plus(INTERVAL);
        first.checks().tick(runner);
        endProbe(first, 1, 0);
        assertEquals(HealthState.STARTING, health().status());
        assertEquals(1, health().failingStreak());

        clock.now = health().lastProbe().end().plus(INTERVAL);
        first.checks().tick(runner);
        endProbe(first, 1, 1);
        assertEquals(HealthState.UNHEALTHY, health().status());
        assertEquals(2, health().failingStreak());
        assertTrue(recorded.actions().contains("health_status: unhealthy"), recorded.actions().toString());
        assertTrue(store.loadAll().isEmpty(), "each probe's exec is forgotten once its result is recorded");

        HealthState saved = health();
        Engine restarted = engine(); // the saved record, as a killed engine left it
        assertEquals(saved, health(), "status, streak and log as they were");
        clock.now = saved.lastProbe().end().plus(INTERVAL).minusMillis(1);
        restarted.checks().tick(runner);
        assertTrue(monitor.execs().isEmpty(), "the schedule continues from the saved last probe");
        clock.now = saved.lastProbe().end().plus(INTERVAL);
        restarted.checks().tick(runner);
        endProbe(restarted, 0, 2);
        assertEquals(HealthState.HEALTHY, health().status());
        assertEquals(0, health().failingStreak());
        assertTrue(recorded.actions().contains("health_status: healthy"), recorded.actions().toString());
    }
}
