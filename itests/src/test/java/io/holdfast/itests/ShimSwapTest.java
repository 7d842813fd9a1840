package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shim bundle itself swapped through {@code deploy/} while containers run: the new revision takes over what the
 * old one held (the hand-off), the containers keep their processes and monitors, and exits during and after the
 * swap are recorded with their real codes.
 */
class ShimSwapTest {

    @Test
    void containersKeepRunningAndExitsDuringAndAfterTheSwapKeepTheirCodes() throws Exception {
        try (Engine engine = new Engine()) {
            Path dist = engine.root().resolve("dist");
            assertEquals(0, new ProcessBuilder("cp", "-a", Engine.HOME.toString(), dist.toString()).inheritIO()
                    .start().waitFor());
            engine.useDistribution(dist);
            engine.start();
            BusyboxImage.importInto(engine);
            Api api = Api.of(engine);
            String steady = api.runDetached(List.of("sleep", "1000"));
            // exits with 7 when told to, so its exit comes after the swap and goes through the new revision
            String told = api.runDetached(List.of("sh", "-c", "trap 'exit 7' USR1; while true; do usleep 50000; done"));
            long steadyPid = pid(api, steady);
            long toldPid = pid(api, told);
            List<Long> monitors = monitorPids(engine);

            Path next = BundleJars.withVersion(BundleJars.original(dist, "shim-"), engine.root().resolve("shim.jar"),
                    "0.2.0");
            BundleJars.deploy(next, dist, "shim.jar");
            // ends around the swap (the swap itself takes ~100 ms, so usually just after it): whichever revision
            // observes it, or disk if neither did, the code must survive
            String during = api.runDetached(List.of("sh", "-c", "sleep 1; exit 42"));
            Api.Response reload = api.request("POST", "/system/reload");
            assertEquals(200, reload.status(), reload.body());
            assertTrue(reload.body().contains("io.holdfast.shim"), reload.body());

            Await.until("the exit during the swap", Duration.ofSeconds(60),
                    () -> !api.inspect(during).path("State").path("Running").asBoolean());
            assertEquals(42, api.inspect(during).path("State").path("ExitCode").asInt(), "exit code across the swap");

            assertEquals(steadyPid, pid(api, steady), "same process");
            assertEquals(toldPid, pid(api, told), "same process");
            assertTrue(api.inspect(steady).path("State").path("Running").asBoolean());
            assertTrue(Await.alive(steadyPid) && Await.alive(toldPid));
            List<Long> monitorsAfter = monitorPids(engine);
            assertTrue(monitorsAfter.containsAll(monitors),
                    "the same monitors: before " + monitors + ", after " + monitorsAfter);
            assertTrue(engine.log().contains("from the previous revision of the shim"), engine.log());
            assertFalse(engine.log().contains("has thrown an exception"), engine.log());
            engine.log().lines().filter(l -> l.contains("revision of the shim")).forEach(System.out::println);

            // the new revision signals through the runtime and sees the exit the old revision would have
            engine.cli().ok("kill", "-s", "USR1", told);
            Await.until("the exit after the swap", Duration.ofSeconds(60),
                    () -> !api.inspect(told).path("State").path("Running").asBoolean());
            JsonNode state = api.inspect(told).path("State");
            assertEquals(7, state.path("ExitCode").asInt(), state.toString());

            String ps = engine.cli().ok("ps", "-a");
            for (String id : List.of(steady, told, during)) {
                assertTrue(ps.contains(id.substring(0, 12)), ps);
            }
            String running = engine.cli().ok("ps");
            assertTrue(running.contains(steady.substring(0, 12)), running);
            assertFalse(running.contains(told.substring(0, 12)), running);
            engine.cli().ok("rm", "-f", steady, told, during);
        }
    }

    private static long pid(Api api, String id) throws Exception {
        return api.inspect(id).path("State").path("Pid").asLong();
    }

    /** The conmon processes of this engine, as {@code ReloadTest} finds them. */
    private static List<Long> monitorPids(Engine engine) throws Exception {
        Process ps = new ProcessBuilder("pgrep", "-f", "conmon.*" + engine.execRoot()).start();
        List<Long> pids = new ArrayList<>();
        for (String line : new String(ps.getInputStream().readAllBytes()).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        ps.waitFor();
        pids.sort(Long::compare);
        return pids;
    }
}
