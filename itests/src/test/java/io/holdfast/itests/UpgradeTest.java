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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole-engine upgrade: the previous release (N-1, built from git history by scripts/previous-distribution.sh, with
 * state schema 1) runs containers and is killed; this engine starts on the same data root and adopts every one of
 * them, migrating their records, with the same outcomes a restart of the same version gives.
 */
class UpgradeTest {
    private static final String PREVIOUS = System.getProperty("holdfast.previous.home", "");

    @Test
    void theNextEngineAdoptsEveryContainerThePreviousReleaseLeftRunning() throws Exception {
        assumeTrue(!PREVIOUS.isBlank() && !PREVIOUS.startsWith("${") && Files.isDirectory(Path.of(PREVIOUS)),
                "no previous release to upgrade from: run scripts/test.sh, which builds it");
        try (Engine engine = new Engine()) {
            engine.useDistribution(Path.of(PREVIOUS));
            engine.start();
            assertTrue(Api.of(engine).request("GET", "/restore/plan").status() == 404,
                    "the engine started is really the previous release (it has no restore plan)");
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            String runs = engine.cli().ok("run", "-d", "--name", "runs", "busybox", "sleep", "1000");
            // three end on cue once the old engine is dead: their exits are the new engine's to find
            String exits = engine.cli().ok("run", "-d", "--name", "exits", "busybox", "sh", "-c", Cue.exitOnCue(3));
            String removed = engine.cli().ok("run", "-d", "--rm", "--name", "removed", "busybox", "sh", "-c",
                    Cue.exitOnCue(0));
            String restarts = engine.cli().ok("run", "-d", "--restart", "on-failure:1", "--name", "restarts",
                    "busybox", "sh", "-c", Cue.exitOnCue(1));
            String created = engine.cli().ok("create", "--name", "created", "busybox", "true");
            long pid = api.inspect(runs).path("State").path("Pid").asLong();
            Map<String, Long> cued = new LinkedHashMap<>();
            for (String id : List.of(exits, removed, restarts)) {
                cued.put(id, api.inspect(id).path("State").path("Pid").asLong());
            }
            engine.kill9();
            for (Map.Entry<String, Long> container : cued.entrySet()) {
                Cue.giveAndAwaitExit(engine, container.getKey(), container.getValue());
            }

            engine.useDistribution(Engine.HOME);
            engine.start();
            JsonNode report = api.request("GET", "/restore/report").json();
            assertEquals("adopted", outcome(report, runs), report.toString());
            assertEquals("exited-while-down", outcome(report, exits));
            assertEquals("removed", outcome(report, removed));
            assertEquals("restarted", outcome(report, restarts));
            assertEquals("unchanged", outcome(report, created));
            assertEquals(pid, api.inspect(runs).path("State").path("Pid").asLong(), "the same process");
            assertEquals(3, api.inspect(exits).path("State").path("ExitCode").asInt());

            // migrated records carry the settings they ran under: nothing looks changed to the restore plan
            JsonNode plan = api.request("GET", "/restore/plan").json();
            for (JsonNode entry : plan.path("Containers")) {
                assertTrue(!entry.path("Outcome").asText().equals("needs-attention"), entry.toString());
            }
            JsonNode saved = new ObjectMapper().readTree(engine.dataRoot().resolve("containers").resolve(restarts)
                    .resolve("state.json").toFile());
            assertEquals(2, saved.path("schemaVersion").asInt(), "a record saved by this engine is schema 2");
            assertTrue(saved.path("environment").path("network.subnet").asText().endsWith(".0/24"), saved.toString());
            engine.cli().ok("rm", "-f", runs, exits, restarts, created);
        }
    }

    private static String outcome(JsonNode report, String id) {
        for (JsonNode entry : report.path("Containers")) {
            if (entry.path("Id").asText().equals(id)) {
                return entry.path("Outcome").asText();
            }
        }
        return "missing";
    }
}
