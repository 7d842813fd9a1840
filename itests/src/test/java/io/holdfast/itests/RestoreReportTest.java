package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a restart the operator can read what the restore did: per container, per plugin, per phase. */
class RestoreReportTest {

    @Test
    void reportSaysWhatHappenedToEachContainerAndPlugin() throws Exception {
        try (Engine engine = new Engine()) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            String running = engine.cli().ok("run", "-d", "--name", "keeps-running", "busybox", "sleep", "1000");
            String ending = engine.cli().ok("run", "-d", "--name", "ends-while-down", "busybox", "sh", "-c",
                    Cue.exitOnCue(3));
            String created = engine.cli().ok("create", "--name", "never-started", "busybox", "true");
            long endingPid = api.inspect(ending).path("State").path("Pid").asLong();
            engine.kill9();
            Cue.giveAndAwaitExit(engine, ending, endingPid);
            engine.start();

            JsonNode report = new ObjectMapper().readTree(engine.cli().ok("system", "restore-report", "--json"));
            assertEquals("adopted", outcome(report, running));
            assertEquals("exited-while-down", outcome(report, ending));
            assertEquals("unchanged", outcome(report, created));
            assertTrue(detail(report, ending).startsWith("exited with 3 at "), detail(report, ending));
            List<String> plugins = new ArrayList<>();
            report.path("Plugins").forEach(p -> plugins.add(p.path("Kind").asText() + " " + p.path("Name").asText()
                    + " " + p.path("Ok").asBoolean()));
            assertTrue(plugins.containsAll(List.of("storage overlay true", "network bridge true")), plugins.toString());
            List<String> phases = new ArrayList<>();
            report.path("Phases").forEach(p -> phases.add(p.path("Name").asText()));
            assertEquals(List.of("plugins", "plan", "apply"), phases);
            assertEquals(0, report.path("Orphans").size());

            String human = engine.cli().ok("system", "restore-report");
            assertTrue(human.lines().anyMatch(l -> l.startsWith(running.substring(0, 12)) && l.contains("adopted")),
                    human);
            assertTrue(engine.log().contains("restore completed in"), "one summary line in the engine log");
        }
    }

    private static JsonNode entry(JsonNode report, String id) {
        for (JsonNode entry : report.path("Containers")) {
            if (entry.path("Id").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("no report entry for " + id + ": " + report);
    }

    private static String outcome(JsonNode report, String id) {
        return entry(report, id).path("Outcome").asText();
    }

    private static String detail(JsonNode report, String id) {
        return entry(report, id).path("Detail").asText();
    }
}
