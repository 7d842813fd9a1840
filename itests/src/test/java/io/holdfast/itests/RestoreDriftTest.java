package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.RestoreReportJson;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings changed while the engine was down, and monitors no record knows: nothing is adopted silently, nothing is
 * orphaned silently. Each container keeps running, is listed with the reason, and waits for the operator.
 */
@ExtendWith(EngineExtension.class)
class RestoreDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void storageDriverChangedAcrossARestartWaitsUntilTheOperatorAdopts(Engine engine, Api api) throws Exception {
        String id = engine.cli().ok("run", "-d", "--name", "on-overlay", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        engine.kill9();
        engine.configure(Map.of("storage-driver", "vfs"));
        engine.start();

        JsonNode entry = RestoreReportJson.report(api).entry(id);
        assertEquals("needs-attention", entry.path("Outcome").asText());
        assertTrue(entry.path("Detail").asText().contains("storage-driver was overlay, now vfs"),
                entry.toString());
        assertTrue(Await.alive(pid), "left running, untouched");
        String plan = engine.cli().ok("system", "restore-plan");
        assertTrue(plan.contains("needs-attention") && plan.contains("storage-driver was overlay, now vfs"), plan);

        String adopted = engine.cli().ok("system", "adopt", "on-overlay");
        assertTrue(adopted.contains("adopted"), adopted);
        assertEquals(pid, api.pid(id));
        assertEquals("adopted", RestoreReportJson.report(api).outcome(id));

        // accepted once: the next restart adopts it by itself, still on its own overlay root filesystem
        engine.kill9();
        engine.start();
        assertEquals("adopted", RestoreReportJson.report(api).outcome(id));
        assertEquals("overlay", api.inspect(id).path("Driver").asText());
        engine.cli().ok("rm", "-f", id);
    }

    /**
     * Issue 14: an engine started with another exec-root than its containers' monitors live in marked every one of
     * them lost, though every one still ran. It is drift: reported, left running, adopted once the engine is back on
     * the exec-root.
     */
    @Test
    void execRootChangedAcrossARestartIsReportedNotLost(Engine engine, Api api) throws Exception {
        String id = engine.cli().ok("run", "-d", "--name", "on-old-exec-root", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        java.nio.file.Path original = engine.execRoot();
        engine.kill9();
        engine.useExecRoot("run-elsewhere");
        engine.start();

        JsonNode entry = RestoreReportJson.report(api).entry(id);
        assertEquals("needs-attention", entry.path("Outcome").asText(), entry.toString());
        assertTrue(entry.path("Detail").asText().contains("exec-root was " + original + ", now "
                + engine.execRoot()), entry.toString());
        assertTrue(Await.alive(pid), "left running, untouched");

        engine.kill9();
        engine.useExecRoot("run");
        engine.start();
        assertEquals("adopted", RestoreReportJson.report(api).outcome(id));
        assertEquals(pid, api.pid(id));
        engine.cli().ok("rm", "-f", id);
    }

    @Test
    void bridgeSubnetChangedAcrossARestartWaitsUntilTheOperatorStopsIt(Engine engine, Api api) throws Exception {
        String id = engine.cli().ok("run", "-d", "--name", "old-subnet", "busybox", "sleep", "1000");
        String oldAddress = api.inspect(id).path("NetworkSettings").path("IPAddress").asText();
        long pid = api.pid(id);
        String oldBip = JSON.readTree(engine.configFile().toFile()).path("bip").asText();
        String newBip = oldBip.replace("10.213.", "10.214.");
        engine.kill9();
        engine.configure(Map.of("bip", newBip));
        engine.start();

        JsonNode entry = RestoreReportJson.report(api).entry(id);
        assertEquals("needs-attention", entry.path("Outcome").asText());
        String subnetWas = oldBip.replace(".1/24", ".0/24");
        assertTrue(entry.path("Detail").asText().contains("network.subnet was " + subnetWas + ", now "
                + newBip.replace(".1/24", ".0/24")), entry.toString());
        assertTrue(Await.alive(pid));
        assertEquals(oldAddress, api.inspect(id).path("NetworkSettings").path("IPAddress").asText());

        String stopped = engine.cli().ok("system", "stop", "--all", "-t", "1");
        assertTrue(stopped.contains(id) && stopped.contains("stopped by the operator"), stopped);
        assertFalse(Await.alive(pid));
        assertEquals("exited", api.inspect(id).path("State").path("Status").asText());

        // new containers get the new subnet
        String fresh = engine.cli().ok("run", "-d", "busybox", "sleep", "1000");
        assertTrue(api.inspect(fresh).path("NetworkSettings").path("IPAddress").asText()
                .startsWith(newBip.substring(0, newBip.lastIndexOf('.') + 1)));
        engine.cli().ok("rm", "-f", fresh, id);
    }

    @Test
    void aMonitorNoRecordKnowsIsReportedKeptAndCanBeStopped(Engine engine, Api api) throws Exception {
        String id = engine.cli().ok("run", "-d", "--name", "forgotten", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        engine.kill9();
        Files.delete(engine.dataRoot().resolve("containers").resolve(id).resolve("state.json"));
        engine.start();

        RestoreReportJson report = RestoreReportJson.report(api);
        assertEquals(id, report.orphans().path(0).asText(), report.toString());
        assertTrue(Await.alive(pid), "an orphan is left running");
        JsonNode plan = RestoreReportJson.plan(api).json();
        assertEquals(pid, plan.path("Orphans").path(0).path("Pid").asLong(), plan.toString());
        assertTrue(Files.exists(engine.dataRoot().resolve("storage/overlay").resolve(id)),
                "the restore kept its root filesystem for the operator to decide");
        var refused = engine.cli().run("system", "adopt", id.substring(0, 12));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("no container record knows it"), refused.err());

        String stopped = engine.cli().ok("system", "stop", id.substring(0, 12));
        assertTrue(stopped.contains("orphan killed"), stopped);
        assertFalse(Await.alive(pid));
        assertEquals(0, RestoreReportJson.plan(api).orphans().size());
    }

    @Test
    void containersNoMonitorHoldsAreReportedNotMarkedLostAndCanBeStopped(Engine engine, Api api) throws Exception {
        String recorded = engine.cli().ok("run", "-d", "--network", "none", "--name", "unwatched", "busybox",
                "sleep", "1000");
        String unknown = engine.cli().ok("run", "-d", "--network", "none", "--name", "unknown", "busybox",
                "sleep", "1000");
        long pid = api.pid(recorded);
        long unknownPid = api.pid(unknown);
        engine.kill9();
        for (String id : new String[] {recorded, unknown}) { // their monitors die and leave no record
            long conmon = Long.parseLong(Files.readString(engine.execRoot().resolve("monitors").resolve(id)
                    .resolve("conmon.pid")).strip());
            new ProcessBuilder("kill", "-9", Long.toString(conmon)).start().waitFor();
            Process rm = new ProcessBuilder("rm", "-rf", engine.execRoot().resolve("monitors").resolve(id)
                    .toString()).start();
            assertEquals(0, rm.waitFor());
        }
        Files.delete(engine.dataRoot().resolve("containers").resolve(unknown).resolve("state.json"));
        engine.start();

        RestoreReportJson report = RestoreReportJson.report(api);
        JsonNode entry = report.entry(recorded);
        assertEquals("needs-attention", entry.path("Outcome").asText(), report.toString());
        assertTrue(entry.path("Detail").asText().contains("no monitor holds it"), entry.toString());
        assertTrue(Await.alive(pid), "not marked lost while it runs");
        JsonNode plan = RestoreReportJson.plan(api).json();
        assertEquals(unknown, plan.path("Orphans").path(0).path("Id").asText(), plan.toString());
        assertEquals(0, plan.path("Orphans").path(0).path("MonitorPid").asLong());

        String stopped = engine.cli().ok("system", "stop", "--all");
        assertTrue(stopped.contains(recorded) && stopped.contains(unknown), stopped);
        Await.until("both processes to end", Duration.ofSeconds(60),
                () -> !Await.alive(pid) && !Await.alive(unknownPid));
        assertEquals("exited", api.inspect(recorded).path("State").path("Status").asText());
        assertEquals(0, RestoreReportJson.plan(api).orphans().size());
        engine.cli().ok("rm", recorded);
    }

}
