package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.RestoreReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: one corrupt {@code state.json} kept the supervisor from activating, so the API never opened. Now the
 * record is moved aside and reported as needing attention; every other container is restored as usual.
 */
@ExtendWith(EngineExtension.class)
class CorruptRecordTest {

    @Test
    void oneCorruptRecordIsMovedAsideAndReportedAndTheRestIsRestored(Engine engine) throws Exception {
        String good = engine.cli().ok("run", "-d", "--name", "intact", "busybox", "sleep", "1000");
        String bad = engine.cli().ok("run", "-d", "--name", "torn", "busybox", "sleep", "1000");
        engine.kill9();
        Path record = engine.dataRoot().resolve("containers").resolve(bad).resolve("state.json");
        Files.writeString(record, "{\"schemaVersion\": 3, \"id\": \"" + bad + "\", \"na");

        engine.start(); // waits until the API answers: before the fix it never did

        RestoreReportJson report = RestoreReportJson.parse(engine.cli().ok("system", "restore-report", "--json"));
        assertEquals("adopted", report.outcome(good));
        assertEquals("needs-attention", report.outcome(bad));
        assertTrue(report.detail(bad).contains("is unreadable") && report.detail(bad).contains("state.json.corrupt"),
                report.detail(bad));
        assertTrue(report.orphans().toString().contains(bad), "its monitor is kept as an orphan: "
                + report.orphans());
        assertTrue(Files.exists(record.resolveSibling("state.json.corrupt")), "the record is kept for the operator");
        assertTrue(engine.cli().ok("ps", "-q").contains(good.substring(0, 12)));
    }
}
