package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.RestoreReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A volume driver missing when the engine starts: the containers using its volumes keep running, untouched, are
 * reported as needing attention, and are adopted when the driver is dropped into deploy/, with no engine restart.
 */
@ExtendWith(EngineExtension.class)
class MissingVolumeDriverTest {

    @Test
    void aContainerWaitsForItsMissingVolumeDriverAndIsAdoptedWhenItIsDeployed(@EngineSetup(ownDistribution = true)
                                                                             Engine engine) throws Exception {
        Api api = engine.api();
        String id = engine.cli().ok("run", "-d", "-v", "mvd-data:/data", "busybox", "sleep", "1000");
        long pid = api.pid(id);

        engine.kill9();
        Path dist = engine.distribution();
        Path plugin = BundleJars.original(dist, "volume-local-");
        Path parked = Files.move(plugin, engine.root().resolve(plugin.getFileName()));
        engine.start();

        RestoreReportJson report = RestoreReportJson.report(api);
        assertEquals("needs-attention", report.outcome(id), report.toString());
        assertTrue(report.detail(id).contains("volume driver local not installed"), report.detail(id));
        assertTrue(Await.alive(pid), "left running, untouched");

        Files.move(parked, dist.resolve("deploy").resolve(parked.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Await.until("the driver to be deployed and the container adopted", Duration.ofSeconds(60), () ->
                "adopted".equals(RestoreReportJson.report(api).outcome(id)));
        assertEquals(pid, api.pid(id));
        engine.cli().ok("rm", "-f", id);
        assertEquals(204, api.request("DELETE", "/volumes/mvd-data").status());
    }
}
