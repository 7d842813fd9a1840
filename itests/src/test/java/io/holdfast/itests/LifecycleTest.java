package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The container lifecycle through the CLI while the engine runs: what an operator does every day. */
@ExtendWith(EngineExtension.class)
class LifecycleTest {
    private static Engine engine;
    private static Cli cli;
    private static Api api;

    @BeforeAll
    static void useEngine(Engine shared) {
        engine = shared;
        cli = engine.cli();
        api = engine.api();
    }

    @Test
    void foregroundRunPrintsOutputAndExitsWithTheContainersCode() throws Exception {
        Cli.Result result = cli.run("run", "--rm", "-e", "WHO=world", "busybox", "sh", "-c", "echo hello $WHO; exit 4");
        assertEquals(4, result.exitCode(), result.err());
        assertEquals("hello world", result.line());
    }

    @Test
    void onFailurePolicyRestartsUpToItsLimitWhileTheEngineRuns() throws Exception {
        String id = cli.ok("run", "-d", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 1");
        // the engine records an exit and the restart it decides in one write: "exited" is final, "restarting" is not
        Await.until("two restarts and a final exit", Duration.ofSeconds(30),
                () -> api.inspect(id).path("State").path("Status").asText().equals("exited"));
        JsonNode c = api.inspect(id);
        assertEquals(2, c.path("RestartCount").asInt(), "two restarts, then no third");
        assertEquals(1, c.path("State").path("ExitCode").asInt());
        cli.ok("rm", id);
    }

    @Test
    void stoppedContainerWithAlwaysPolicyStaysStopped() throws Exception {
        String id = cli.ok("run", "-d", "--restart", "always", "busybox", "sleep", "1000");
        // stop returns once the exit is recorded and what follows it decided: a restart would show as "restarting"
        cli.ok("stop", "-t", "1", id);
        JsonNode state = api.inspect(id).path("State");
        assertEquals("exited", state.path("Status").asText());
        assertEquals(0, api.inspect(id).path("RestartCount").asInt());
        cli.ok("rm", id);
    }

    @Test
    void killSendsTheSignalAndWaitReportsTheCode() throws Exception {
        String id = cli.ok("run", "-d", "busybox", "sh", "-c", Cue.trap("USR1", "exit 9")
                + "while true; do sleep 0.1; done");
        Cue.awaitTrap(api, id); // a USR1 before the trap would be dropped, and wait would never return
        cli.ok("kill", "-s", "USR1", id.substring(0, 8));
        assertEquals("9", cli.ok("wait", id));
        cli.ok("rm", id);
    }

    @Test
    void namesAndUniquePrefixesAreAcceptedAndConflictsExplained() throws Exception {
        String id = cli.ok("create", "--name", "named-one", "busybox", "true");
        assertEquals(id, api.inspect("named-one").path("Id").asText());
        assertEquals(id, api.inspect(id.substring(0, 10)).path("Id").asText());
        Cli.Result clash = cli.run("create", "--name", "named-one", "busybox", "true");
        assertEquals(1, clash.exitCode());
        assertTrue(clash.err().startsWith("Error response from daemon: Conflict. The container name \"/named-one\" is"
                + " already in use"), clash.err());
        assertEquals(1, clash.err().strip().lines().count(), "one line");
        cli.ok("rm", "named-one");
    }

    @Test
    void runningContainerIsRemovedOnlyWithForce() throws Exception {
        String id = cli.ok("run", "-d", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        Cli.Result refused = cli.run("rm", id);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("You cannot remove a running container"), refused.err());
        cli.ok("rm", "-f", id);
        assertFalse(Await.alive(pid));
        assertEquals(404, api.request("GET", "/containers/" + id + "/json").status());
        assertFalse(Files.exists(engine.dataRoot().resolve("containers").resolve(id)), "its state is gone");
        assertFalse(Files.exists(engine.dataRoot().resolve("storage/overlay").resolve(id)), "its rootfs is gone");
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(id), "its overlay is unmounted");
    }

    @Test
    void imageInUseCannotBeRemoved() throws Exception {
        String id = cli.ok("create", "busybox", "true");
        Cli.Result refused = cli.run("image", "rm", "busybox");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("container is using its referenced image"), refused.err());
        cli.ok("rm", id);
    }

    @Test
    void tarballEscapingTheRootIsRejectedAndNothingIsWrittenOutside() throws Exception {
        Path dir = Files.createDirectories(engine.root().resolve("evil"));
        Files.writeString(dir.resolve("x"), "x");
        Path tar = engine.root().resolve("evil.tar");
        Process p = new ProcessBuilder("tar", "-C", dir.toString(), "-cf", tar.toString(), "-P",
                "--transform=s|^x|../../escaped-by-holdfast-test|", "x").start();
        assertEquals(0, p.waitFor());
        Cli.Result rejected = cli.run("image", "import", tar.toString(), "evil:latest");
        assertEquals(1, rejected.exitCode());
        assertTrue(rejected.err().contains("../../escaped-by-holdfast-test"), rejected.err());
        assertFalse(Files.exists(engine.dataRoot().resolve("../../escaped-by-holdfast-test").normalize()));
        assertFalse(Files.exists(engine.dataRoot().getParent().resolve("escaped-by-holdfast-test")));
        assertEquals(List.of("busybox"), List.of(cli.ok("image", "ls").lines().skip(1)
                .map(l -> l.split("\\s+")[0]).toArray()));
    }
}
