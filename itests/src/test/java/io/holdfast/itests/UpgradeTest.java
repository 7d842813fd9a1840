package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.RestoreReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole-engine upgrade: the previous release (N-1, built from git history by scripts/previous-distribution.sh, with
 * state schema 1) runs containers and is killed; this engine starts on the same data root and adopts every one of
 * them, migrating their records, with the same outcomes a restart of the same version gives.
 */
@ExtendWith(EngineExtension.class)
class UpgradeTest {
    private static final String PREVIOUS = System.getProperty("holdfast.previous.home", "");

    @Test
    void theNextEngineAdoptsEveryContainerThePreviousReleaseLeftRunning(@EngineSetup(start = false) Engine engine)
            throws Exception {
        assumeTrue(!PREVIOUS.isBlank() && !PREVIOUS.startsWith("${") && Files.isDirectory(Path.of(PREVIOUS)),
                "no previous release to upgrade from: run scripts/test.sh, which builds it");
        engine.useDistribution(Path.of(PREVIOUS));
        // the previous release refuses keys it does not know; user networks came after it
        engine.unconfigure("default-address-pools");
        engine.start();
        Api api = engine.api();
        assertTrue(api.request("GET", "/restore/plan").status() == 404,
                "the engine started is really the previous release (it has no restore plan)");
        BusyboxImage.importInto(engine);
        String runs = engine.cli().ok("run", "-d", "--name", "runs", "busybox", "sleep", "1000");
        // three end on cue once the old engine is dead: their exits are the new engine's to find
        String exits = engine.cli().ok("run", "-d", "--name", "exits", "busybox", "sh", "-c", Cue.exitOnCue(3));
        String removed = engine.cli().ok("run", "-d", "--rm", "--name", "removed", "busybox", "sh", "-c",
                Cue.exitOnCue(0));
        String restarts = engine.cli().ok("run", "-d", "--restart", "on-failure:1", "--name", "restarts",
                "busybox", "sh", "-c", Cue.exitOnCue(1));
        String created = engine.cli().ok("create", "--name", "created", "busybox", "true");
        long pid = api.pid(runs);
        Cue.endWhileEngineIsDown(engine, exits, removed, restarts);

        engine.useDistribution(Engine.HOME);
        engine.start();
        RestoreReportJson report = RestoreReportJson.report(api);
        assertEquals("adopted", report.outcome(runs), report.toString());
        assertEquals("exited-while-down", report.outcome(exits));
        assertEquals("removed", report.outcome(removed));
        assertEquals("restarted", report.outcome(restarts));
        assertEquals("unchanged", report.outcome(created));
        assertEquals(pid, api.pid(runs), "the same process");
        assertEquals(3, api.inspect(exits).path("State").path("ExitCode").asInt());

        // migrated records carry the settings they ran under: nothing looks changed to the restore plan
        for (JsonNode entry : RestoreReportJson.plan(api).containers()) {
            assertTrue(!entry.path("Outcome").asText().equals("needs-attention"), entry.toString());
        }
        JsonNode saved = new ObjectMapper().readTree(engine.dataRoot().resolve("containers").resolve(restarts)
                .resolve("state.json").toFile());
        assertEquals(3, saved.path("schemaVersion").asInt(), "a record saved by this engine is schema 3");
        assertTrue(saved.path("environment").path("network.subnet").asText().endsWith(".0/24"), saved.toString());
        engine.cli().ok("rm", "-f", runs, exits, restarts, created);
    }
}
