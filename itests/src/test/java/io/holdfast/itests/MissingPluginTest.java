package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A plugin missing when the engine starts: its containers keep running, untouched, reported as needing attention,
 * and are adopted as soon as the plugin is dropped into deploy/, with no engine restart; an exit that happened while
 * the engine was down waits for the plugin too (a --rm removal needs it) and is applied when it arrives.
 */
class MissingPluginTest {

    @Test
    void containersWaitForAMissingPluginAndAreAdoptedWhenItIsDeployed() throws Exception {
        try (Engine engine = new Engine()) {
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            String bridged = engine.cli().ok("run", "-d", "--name", "bridged", "busybox", "sleep", "1000");
            String ending = engine.cli().ok("run", "-d", "--rm", "--name", "ends-while-down", "busybox", "sh", "-c",
                    Cue.exitOnCue(4));
            long pid = api.inspect(bridged).path("State").path("Pid").asLong();
            long endingPid = api.inspect(ending).path("State").path("Pid").asLong();
            engine.kill9();
            Cue.giveAndAwaitExit(engine, ending, endingPid);

            // the same distribution without the bridge plugin
            Path dist = engine.root().resolve("dist");
            copyTree(Engine.HOME, dist);
            Path plugin;
            try (Stream<Path> jars = Files.list(dist.resolve("bundle"))) {
                plugin = jars.filter(p -> p.getFileName().toString().startsWith("network-bridge-")).findFirst()
                        .orElseThrow();
            }
            Path parked = Files.move(plugin, engine.root().resolve(plugin.getFileName()));
            engine.useDistribution(dist);
            engine.start();

            JsonNode report = api.request("GET", "/restore/report").json();
            assertEquals("needs-attention", outcome(report, bridged));
            assertTrue(detail(report, bridged).contains("network bridge not installed"), detail(report, bridged));
            assertTrue(Await.alive(pid), "left running, untouched");
            // the restore ran before the socket opened, so its decision on the exit is already made and final
            assertEquals("needs-attention", outcome(report, ending), report.toString());
            assertEquals(200, api.request("GET", "/containers/" + ending + "/json").status(),
                    "not removed half-blind while its network plugin is missing");

            // moved in whole, as an operator should: the watcher never sees a half-written jar
            Files.move(parked, dist.resolve("deploy").resolve(parked.getFileName()),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Await.until("the plugin to be deployed and the containers adopted", Duration.ofSeconds(60), () ->
                    "adopted".equals(outcome(api.request("GET", "/restore/report").json(), bridged)));
            assertEquals(pid, api.inspect(bridged).path("State").path("Pid").asLong());
            Await.until("the --rm container's exit to be applied", Duration.ofSeconds(30),
                    () -> api.request("GET", "/containers/" + ending + "/json").status() == 404);
            assertTrue(engine.cli().ok("ps", "-q").contains(bridged.substring(0, 12)));
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Process p = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    private static JsonNode entry(JsonNode report, String id) {
        for (JsonNode entry : report.path("Containers")) {
            if (entry.path("Id").asText().equals(id)) {
                return entry;
            }
        }
        return report.path("missing");
    }

    private static String outcome(JsonNode report, String id) {
        return entry(report, id).path("Outcome").asText();
    }

    private static String detail(JsonNode report, String id) {
        return entry(report, id).path("Detail").asText();
    }
}
