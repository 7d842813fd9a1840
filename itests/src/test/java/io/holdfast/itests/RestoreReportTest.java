package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.RestoreReportJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** After a restart the operator can read what the restore did: per container, per plugin, per phase. */
@ExtendWith(EngineExtension.class)
class RestoreReportTest {

    @Test
    void reportSaysWhatHappenedToEachContainerAndPlugin(Engine engine) throws Exception {
        String running = engine.cli().ok("run", "-d", "--name", "keeps-running", "busybox", "sleep", "1000");
        String ending = engine.cli().ok("run", "-d", "--name", "ends-while-down", "busybox", "sh", "-c",
                Cue.exitOnCue(3));
        String created = engine.cli().ok("create", "--name", "never-started", "busybox", "true");
        Cue.endWhileEngineIsDown(engine, ending);
        engine.start();

        RestoreReportJson report = RestoreReportJson.parse(engine.cli().ok("system", "restore-report", "--json"));
        assertEquals("adopted", report.outcome(running));
        assertEquals("exited-while-down", report.outcome(ending));
        assertEquals("unchanged", report.outcome(created));
        assertTrue(report.detail(ending).startsWith("exited with 3 at "), report.detail(ending));
        List<String> plugins = report.plugins();
        assertTrue(plugins.containsAll(List.of("storage overlay true", "network bridge true")), plugins.toString());
        assertEquals(List.of("plugins", "plan", "apply"), report.phases());
        assertEquals(0, report.orphans().size());

        String human = engine.cli().ok("system", "restore-report");
        assertTrue(human.lines().anyMatch(l -> l.startsWith(running.substring(0, 12)) && l.contains("adopted")),
                human);
        assertTrue(engine.log().contains("restore completed in"), "one summary line in the engine log");
    }
}
