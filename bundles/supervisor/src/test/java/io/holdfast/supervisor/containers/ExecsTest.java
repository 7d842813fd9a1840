package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.OciRuntime;
import io.holdfast.supervisor.state.ContainerStore;
import io.holdfast.supervisor.state.ExecStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Execs against a fake shim: Docker's refusals, the record's states, and the shim's word winning after a crash. */
class ExecsTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");
    private static final String ID = "c".repeat(64);

    @TempDir
    Path dataRoot;

    private final FakeMonitor monitor = new FakeMonitor();
    private ContainerTable table;
    private Execs execs;
    private ExecStore store;

    @BeforeEach
    void runningContainer() throws Exception {
        DaemonConfig config = new DaemonConfig(null, true, dataRoot.toString(), dataRoot.resolve("run").toString(),
                List.of("unix:///x.sock"), "runc", Map.of("runc", RUNC), "vfs", false, 10, "k8s-file", 0);
        table = new ContainerTable(new ContainerStore(dataRoot.resolve("containers")), List.of());
        Path bundle = Files.createDirectories(dataRoot.resolve("containers").resolve(ID).resolve("bundle"));
        Files.writeString(bundle.resolve("config.json"), "{\"process\": {\"args\": [\"sleep\", \"1000\"], "
                + "\"env\": [\"PATH=/bin\", \"KEEP=1\", \"DROP=1\"], \"cwd\": \"/srv\", "
                + "\"user\": {\"uid\": 0, \"gid\": 0}, \"capabilities\": {\"bounding\": [\"CAP_KILL\"]}}}");
        table.put(new ContainerRecord(ContainerRecord.SCHEMA_VERSION, ID, "c", Instant.now(),
                new ContainerSpec("c", "busybox", List.of(), List.of(), RestartPolicy.NONE, false, "none", "runc", 10),
                "sha256:x", RunState.created().started(42, 41, Instant.now()), 0, "vfs",
                dataRoot.resolve("rootfs").toString(), bundle.toString(), dataRoot.resolve("c.log").toString(), null,
                null));
        store = new ExecStore(dataRoot.resolve("containers"));
        execs = reload();
    }

    /** A supervisor as after an engine restart: everything read back from disk. */
    private Execs reload() throws Exception {
        return new Execs(table, new ExecTable(store, store.loadAll()), monitor, () -> new DaemonConfig(null, true,
                dataRoot.toString(), dataRoot.resolve("run").toString(), List.of("unix:///x.sock"), "runc",
                Map.of("runc", RUNC), "vfs", false, 10, "k8s-file", 0), EventPublisher.none());
    }

    private static ExecSpec spec(String... cmd) {
        return new ExecSpec(List.of(cmd), List.of("DROP", "KEEP=2", "NEW=3"), "", "", false, false, true, true, false,
                "ctrl-p,ctrl-q");
    }

    @Test
    void execRunsTheContainersProcessWithItsOwnCommandAndEnvironmentLaidOver() throws Exception {
        ExecRecord created = execs.create("c", spec("sh", "-c", "exit 7"));
        assertFalse(created.running());
        assertNull(created.exitCode());

        ExecRecord running = execs.start(created.id());
        assertTrue(running.running());
        assertTrue(running.pid() > 0);
        JsonNode process = new ObjectMapper().readTree(Path.of(monitor.lastExec().processSpec()).toFile());
        assertEquals(List.of("sh", "-c", "exit 7"), strings(process.path("args")));
        assertEquals(List.of("PATH=/bin", "KEEP=2", "NEW=3"), strings(process.path("env")));
        assertEquals("/srv", process.path("cwd").asText(), "the container's working directory");
        assertEquals(List.of("CAP_KILL"), strings(process.path("capabilities").path("bounding")));
        assertEquals(ID, monitor.lastExec().containerId());

        CompletableFuture<Integer> exit = execs.await(created.id());
        execs.exited(monitor.endExec(created.id(), 7));
        assertEquals(7, exit.join());
        ExecRecord ended = execs.get(created.id());
        assertEquals(7, ended.exitCode());
        assertFalse(ended.running());
        assertTrue(monitor.execStatus(created.id()).isEmpty(), "the shim's copy is released once recorded");
        execs.exited(new io.holdfast.spi.monitor.ExecStatus(created.id(), ID, 1, running.pid(), Instant.now(),
                new io.holdfast.spi.monitor.ExitStatus(9, Instant.now())));
        assertEquals(7, execs.get(created.id()).exitCode(), "a replayed exit changes nothing");
    }

    @Test
    void execOnAContainerThatIsNotRunningIsAConflictWithDockersMessage() {
        table.put(table.byId(ID).withState(table.byId(ID).state().exited(0, Instant.now(), "")));
        EngineException refused = assertThrows(EngineException.class, () -> execs.create("c", spec("true")));
        assertEquals(EngineException.Kind.CONFLICT, refused.kind());
        assertEquals("Container " + ID + " is not running", refused.getMessage());
    }

    @Test
    void invalidRequestsAreRefusedByName() {
        ExecSpec ttyWithStdin = new ExecSpec(List.of("sh"), List.of(), "", "", true, true, true, true, false, "");
        assertTrue(execs.create("c", ttyWithStdin).spec().tty(), "a terminal and stdin are accepted");
        ExecSpec none = new ExecSpec(List.of(), List.of(), "", "", false, false, true, true, false, "");
        assertEquals("No exec command specified",
                assertThrows(EngineException.class, () -> execs.create("c", none)).getMessage());
        ExecSpec keys = new ExecSpec(List.of("sh"), List.of(), "", "", false, false, true, true, false, "ctrl-1");
        assertEquals("Invalid escape keys (ctrl-1) provided",
                assertThrows(EngineException.class, () -> execs.create("c", keys)).getMessage());
    }

    @Test
    void anExecRunsOnceOnly() {
        ExecRecord created = execs.create("c", spec("true"));
        execs.start(created.id());
        assertEquals(EngineException.Kind.CONFLICT,
                assertThrows(EngineException.class, () -> execs.start(created.id())).kind());
        execs.exited(monitor.endExec(created.id(), 0));
        EngineException again = assertThrows(EngineException.class, () -> execs.start(created.id()));
        assertEquals("Error: Exec command " + created.id() + " has already run", again.getMessage());
    }

    @Test
    void anExecutableThatIsNotThereEndsWith127AsInDocker() {
        ExecRecord created = execs.create("c", spec("nope"));
        monitor.execFailure = "exec failed: unable to start container process: exec: \"nope\": executable file not "
                + "found in $PATH";
        EngineException failed = assertThrows(EngineException.class, () -> execs.start(created.id()));
        assertTrue(failed.getMessage().startsWith("OCI runtime exec failed: exec failed"), failed.getMessage());
        assertEquals(127, execs.get(created.id()).exitCode());
        assertFalse(execs.get(created.id()).running());
    }

    @Test
    void anExitTheShimRecordedWhileTheEngineWasDownIsReadAfterARestart() throws Exception {
        ExecRecord created = execs.create("c", spec("sleep", "1000"));
        execs.start(created.id());
        monitor.endExec(created.id(), 5); // no listener heard it: the engine was down

        Execs restarted = reload();
        assertEquals(5, restarted.get(created.id()).exitCode());
        assertEquals(5, restarted.await(created.id()).join());
    }

    @Test
    void aStartTheRecordMissedIsTakenFromTheShim() throws Exception {
        ExecRecord created = execs.create("c", spec("sleep", "1000"));
        // the shim started it, and the engine was killed before it recorded so: the record still says created
        monitor.exec(new io.holdfast.spi.monitor.ExecLaunch(created.id(), ID, "/p", created.logPath(), RUNC, 0));
        ExecRecord seen = reload().get(created.id());
        assertTrue(seen.running());
        assertTrue(seen.pid() > 0);
    }

    @Test
    void aRunningExecTheShimNoLongerKnowsEndedWithoutACode() throws Exception {
        ExecRecord created = execs.create("c", spec("sleep", "1000"));
        execs.start(created.id());
        monitor.loseExec(created.id()); // the exec root was wiped (a reboot)
        Execs restarted = reload();
        restarted.reconcile();
        ExecRecord lost = restarted.get(created.id());
        assertEquals(255, lost.exitCode());
        assertFalse(lost.error().isEmpty());
    }

    @Test
    void execsAreGoneWithTheirContainer() throws Exception {
        ExecRecord created = execs.create("c", spec("true"));
        table.remove(ID);
        assertEquals(EngineException.Kind.NOT_FOUND,
                assertThrows(EngineException.class, () -> execs.get(created.id())).kind());
        assertTrue(store.loadAll().isEmpty(), "its record went with the container's directory");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
