package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Containers outlive the engine, and the engine tells the truth about them when it comes back. */
@ExtendWith(EngineExtension.class)
class LiveRestoreTest {
    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void runningContainersKeepRunningThroughSigkillAndAreAdoptedWithTheSameIdAndPid(Engine engine, Cli cli, Api api)
            throws Exception {
        String a = cli.ok("run", "-d", "--name", "a", "busybox", "sleep", "1000");
        String b = cli.ok("run", "-d", "--name", "b", "busybox", "sh", "-c", "while true; do sleep 1; done");
        long pidA = api.pid(a);
        long pidB = api.pid(b);

        engine.kill9();
        assertTrue(Await.alive(pidA) && Await.alive(pidB), "containers survive the engine's SIGKILL");
        engine.start();

        assertEquals(List.of(a.substring(0, 12), b.substring(0, 12)).stream().sorted().toList(),
                List.of(cli.ok("ps", "-q").split("\n")).stream().sorted().toList());
        JsonNode stateA = api.inspect("a").path("State");
        assertEquals("running", stateA.path("Status").asText());
        assertEquals(pidA, stateA.path("Pid").asLong());
        assertEquals(pidB, api.pid("b"));
        assertEquals("a", cli.ok("stop", "-t", "1", "a"));
        assertFalse(Await.alive(pidA), "an adopted container can be stopped");
    }

    /**
     * Issue 15: the sockets open before the restore has run and answer {@code /_ping} at once; a request that needs the
     * containers waits for the restore and then tells the truth (all of them running), never an empty list.
     */
    @Test
    void pingIsAnsweredBeforeTheRestoreAndTheFirstListingIsAlreadyTrue(Engine engine, Api api) throws Exception {
        List<String> ids = List.of(api.runDetached(List.of("sleep", "1000")), api.runDetached(List.of("sleep",
                "1000")), api.runDetached(List.of("sleep", "1000")));
        engine.kill9();
        engine.begin();
        while (!api.ping()) {
            Thread.sleep(5); // polls the condition; the outcome never depends on this length
        }
        JsonNode first = api.request("GET", "/containers/json").json();
        assertEquals(ids.stream().sorted().toList(), java.util.stream.StreamSupport.stream(first.spliterator(), false)
                .filter(c -> c.path("State").asText().equals("running")).map(c -> c.path("Id").asText()).sorted()
                .toList(), "the first listing after the restart: " + first);
        String log = engine.log();
        int restart = log.lastIndexOf("configuration: live-restore");
        int listening = log.indexOf("API listening", restart);
        int restored = log.indexOf("restore completed", restart);
        assertTrue(listening >= 0 && restored > listening, "the API opened before the restore ran:\n" + log);
    }

    @Test
    void containersKeepRunningThroughSigtermWithLiveRestore(Engine engine, Cli cli, Api api) throws Exception {
        String id = cli.ok("run", "-d", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        assertEquals(0, engine.terminate(SHORT), "holdfastd exits cleanly on SIGTERM");
        assertTrue(Await.alive(pid));
        engine.start();
        assertEquals(pid, api.pid(id));
        assertEquals("running", api.inspect(id).path("State").path("Status").asText());
    }

    @Test
    void containerThatExitsWhileTheEngineIsDownShowsItsRealExitCodeAndTime(Engine engine, Cli cli, Api api)
            throws Exception {
        String id = cli.ok("run", "-d", "busybox", "sh", "-c", Cue.exitOnCue(7));
        Cue.Downtime downtime = Cue.endWhileEngineIsDown(engine, id);
        Instant down = downtime.engineKilled();
        Instant beforeRestart = downtime.containersEnded();
        engine.start();

        JsonNode state = api.inspect(id).path("State");
        assertEquals("exited", state.path("Status").asText());
        assertEquals(7, state.path("ExitCode").asInt());
        Instant finished = Instant.parse(state.path("FinishedAt").asText());
        assertTrue(finished.isAfter(down.minusSeconds(2)) && finished.isBefore(beforeRestart),
                "finished " + finished + " while the engine was down (" + down + " .. " + beforeRestart + ")");
        assertEquals("7", cli.ok("wait", id));
    }

    @Test
    void autoRemoveContainerThatExitedWhileDownIsRemoved(Engine engine, Cli cli, Api api) throws Exception {
        String gone = cli.ok("run", "-d", "--rm", "busybox", "sh", "-c", Cue.exitOnCue(0));
        String stays = cli.ok("run", "-d", "--rm", "busybox", "sleep", "1000");
        Cue.endWhileEngineIsDown(engine, gone);
        engine.start();

        assertEquals(404, api.request("GET", "/containers/" + gone + "/json").status());
        assertEquals("running", api.inspect(stays).path("State").path("Status").asText(),
                "a --rm container still running is kept");
        Cli.Result missing = cli.run("inspect", gone);
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("No such container"), missing.err());
    }

    @Test
    void restartPolicyIsAppliedToAContainerThatExitedWhileDown(Engine engine, Cli cli, Api api) throws Exception {
        // the first run exits with 5 on cue, the next one runs: a restart shows as running with a new pid and
        // RestartCount 1
        String id = cli.ok("run", "-d", "--restart", "on-failure:3", "busybox", "sh", "-c",
                "if [ ! -f /first-run-done ]; then touch /first-run-done; " + Cue.untilCue() + "exit 5; fi; "
                        + "exec sleep 1000");
        long firstPid = api.pid(id);
        Cue.endWhileEngineIsDown(engine, id);
        engine.start();

        Await.until("the restart", SHORT, () -> api.inspect(id).path("State").path("Running").asBoolean());
        JsonNode container = api.inspect(id);
        assertEquals(1, container.path("RestartCount").asInt());
        assertNotEquals(firstPid, container.path("State").path("Pid").asLong());
        assertEquals("on-failure", container.path("HostConfig").path("RestartPolicy").path("Name").asText());
    }

    @Test
    void createdContainerStaysCreated(Engine engine, Cli cli, Api api) throws Exception {
        String id = cli.ok("create", "--name", "never-started", "busybox", "sleep", "1000");
        engine.kill9();
        engine.start();
        JsonNode state = api.inspect(id).path("State");
        assertEquals("created", state.path("Status").asText());
        assertEquals(0, state.path("Pid").asLong());
        cli.ok("start", "never-started");
        assertTrue(api.inspect(id).path("State").path("Running").asBoolean());
    }
}
