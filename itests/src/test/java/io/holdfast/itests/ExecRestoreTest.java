package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A detached exec runs under a monitor of its own: it outlives the engine, and the engine learns how it ended. */
@ExtendWith(EngineExtension.class)
class ExecRestoreTest {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String TRAP_SET = "exec-trap-set";

    /** Idles until SIGUSR1 (the trap is set before it says so), then exits with {@code code}. */
    private static List<String> exitOnCue(int code) {
        return List.of("sh", "-c", "cued=; trap 'cued=1' USR1; echo " + TRAP_SET
                + "; while [ -z \"$cued\" ]; do usleep 20000; done; exit " + code);
    }

    private static String startDetached(Api api, String container, List<String> cmd) throws Exception {
        Api.Response created = api.post("/containers/" + container + "/exec", Map.of("Cmd", cmd));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("Id").asText();
        Api.Response started = api.post("/exec/" + id + "/start", Map.of("Detach", true));
        assertEquals(200, started.status(), started.body());
        return id;
    }

    @Test
    void detachedExecThatEndsWhileTheEngineIsDownReportsItsExitCodeAfterTheRestart(Engine engine, Cli cli, Api api)
            throws Exception {
        String c = cli.ok("run", "-d", "busybox", "sleep", "1000");
        String ending = startDetached(api, c, exitOnCue(9));
        String staying = startDetached(api, c, List.of("sleep", "1000"));
        JsonNode running = api.request("GET", "/exec/" + ending + "/json").json();
        assertTrue(running.path("Running").asBoolean(), running.toString());
        assertTrue(running.path("ExitCode").isNull(), running.toString());
        long pid = running.path("Pid").asLong();
        long stayingPid = api.request("GET", "/exec/" + staying + "/json").json().path("Pid").asLong();
        Path log = engine.dataRoot().resolve("containers").resolve(c).resolve("execs").resolve(ending + ".log");
        Await.until("the exec to set its trap", LONG, () -> Files.exists(log) && Files.readString(log).contains(TRAP_SET));

        engine.kill9();
        assertTrue(Await.alive(pid), "the exec survives the engine's SIGKILL");
        Path exitFile = engine.execRoot().resolve("execs").resolve(ending).resolve("exits").resolve(c);
        long monitorPid = Long.parseLong(Files.readString(engine.execRoot().resolve("execs").resolve(ending)
                .resolve("conmon.pid")).strip());
        new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
        Await.until("the exec to end on its cue and its monitor to record the exit while the engine is down", LONG,
                () -> !Await.alive(pid) && Files.exists(exitFile) && !Await.alive(monitorPid));
        engine.start();

        JsonNode ended = api.request("GET", "/exec/" + ending + "/json").json();
        assertEquals(9, ended.path("ExitCode").asInt(), ended.toString());
        assertFalse(ended.path("Running").asBoolean());
        JsonNode stillRunning = api.request("GET", "/exec/" + staying + "/json").json();
        assertTrue(stillRunning.path("Running").asBoolean(), stillRunning.toString());
        assertEquals(stayingPid, stillRunning.path("Pid").asLong(), "the same process, adopted");

        cli.ok("rm", "-f", c);
        assertEquals(404, api.request("GET", "/exec/" + ending + "/json").status(), "execs go with their container");
        Await.until("the monitor files of the exec that ended with its container to be released", LONG,
                () -> !Files.exists(engine.execRoot().resolve("execs").resolve(staying)));
    }

    @Test
    void aDetachedExecKeepsRunningThroughAShimSwapAndItsExitIsRecordedAfterwards(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        String c = api.runDetached(List.of("sleep", "1000"));
        String exec = startDetached(api, c, exitOnCue(4));
        Path log = engine.dataRoot().resolve("containers").resolve(c).resolve("execs").resolve(exec + ".log");
        Await.until("the exec to set its trap", LONG, () -> Files.exists(log) && Files.readString(log).contains(TRAP_SET));
        long pid = api.request("GET", "/exec/" + exec + "/json").json().path("Pid").asLong();

        Path dist = engine.distribution();
        BundleJars.deploy(BundleJars.withVersion(BundleJars.original(dist, "shim-"),
                engine.root().resolve("shim.jar"), "0.2.0"), dist, "shim.jar");
        Api.Response reload = api.request("POST", "/system/reload");
        assertEquals(200, reload.status(), reload.body());
        Await.until("the shim swapped by this reload or, first, by the deploy/ watcher", LONG,
                () -> reload.body().contains("io.holdfast.shim") || engine.log().contains("update io.holdfast.shim "));

        JsonNode during = api.request("GET", "/exec/" + exec + "/json").json();
        assertTrue(during.path("Running").asBoolean(), during.toString());
        assertEquals(pid, during.path("Pid").asLong());
        assertTrue(Await.alive(pid));
        new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
        Await.until("the exec's exit, seen by the shim's new revision", LONG,
                () -> api.request("GET", "/exec/" + exec + "/json").json().path("ExitCode").asInt(-1) == 4);
        assertFalse(api.request("GET", "/exec/" + exec + "/json").json().path("Running").asBoolean());
        engine.cli().ok("rm", "-f", c);
    }
}
