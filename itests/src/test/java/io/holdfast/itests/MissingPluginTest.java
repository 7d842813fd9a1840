package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.Cue;
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
 * A plugin missing when the engine starts: its containers keep running, untouched, reported as needing attention,
 * and are adopted as soon as the plugin is dropped into deploy/, with no engine restart; an exit that happened while
 * the engine was down waits for the plugin too (a --rm removal needs it) and is applied when it arrives.
 */
@ExtendWith(EngineExtension.class)
class MissingPluginTest {

    @Test
    void containersWaitForAMissingPluginAndAreAdoptedWhenItIsDeployed(@EngineSetup(ownDistribution = true)
                                                                     Engine engine) throws Exception {
        Api api = engine.api();
        String bridged = engine.cli().ok("run", "-d", "--name", "bridged", "busybox", "sleep", "1000");
        String ending = engine.cli().ok("run", "-d", "--rm", "--name", "ends-while-down", "busybox", "sh", "-c",
                Cue.exitOnCue(4));
        long pid = api.pid(bridged);
        Cue.endWhileEngineIsDown(engine, ending);

        // the same distribution without the bridge plugin
        Path dist = engine.distribution();
        Path plugin = BundleJars.original(dist, "network-bridge-");
        Path parked = Files.move(plugin, engine.root().resolve(plugin.getFileName()));
        engine.start();

        RestoreReportJson report = RestoreReportJson.report(api);
        assertEquals("needs-attention", report.outcome(bridged));
        assertTrue(report.detail(bridged).contains("network bridge not installed"), report.detail(bridged));
        assertTrue(Await.alive(pid), "left running, untouched");
        // the bridge's keys wait for it: remembered from the first start on this data root, so not taken for typos
        Await.until("the bridge's keys reported as waiting for it", Duration.ofSeconds(60), () -> engine.log()
                .contains("key \"bip\": belongs to bridge, which is not installed now"));
        // the restore ran before the socket opened, so its decision on the exit is already made and final
        assertEquals("needs-attention", report.outcome(ending), report.toString());
        assertEquals(200, api.request("GET", "/containers/" + ending + "/json").status(),
                "not removed half-blind while its network plugin is missing");

        // moved in whole, as an operator should: the watcher never sees a half-written jar
        Files.move(parked, dist.resolve("deploy").resolve(parked.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Await.until("the plugin to be deployed and the containers adopted", Duration.ofSeconds(60), () ->
                "adopted".equals(RestoreReportJson.report(api).outcome(bridged)));
        assertEquals(pid, api.pid(bridged));
        Await.until("the --rm container's exit to be applied", Duration.ofSeconds(30),
                () -> api.request("GET", "/containers/" + ending + "/json").status() == 404);
        assertTrue(engine.cli().ok("ps", "-q").contains(bridged.substring(0, 12)));
    }
}
