package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shim bundle itself swapped through {@code deploy/} while containers run: the new revision takes over what the
 * old one held (the hand-off), the containers keep their processes and monitors, and exits during and after the
 * swap are recorded with their real codes.
 */
@ExtendWith(EngineExtension.class)
class ShimSwapTest {

    @Test
    void containersKeepRunningAndExitsDuringAndAfterTheSwapKeepTheirCodes(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        Path dist = engine.distribution();
        String steady = api.runDetached(List.of("sleep", "1000"));
        // exits with 7 when told to, so its exit comes after the swap and goes through the new revision
        String told = api.runDetached(List.of("sh", "-c", Cue.trap("USR1", "exit 7")
                + "while true; do usleep 50000; done"));
        Cue.awaitTrap(api, told);
        long steadyPid = api.pid(steady);
        long toldPid = api.pid(told);
        List<Long> monitors = engine.monitorPids();

        Path next = BundleJars.withVersion(BundleJars.original(dist, "shim-"), engine.root().resolve("shim.jar"),
                "0.2.0");
        BundleJars.deploy(next, dist, "shim.jar");
        // ends around the swap (the swap itself takes ~100 ms, so usually just after it): whichever revision
        // observes it, or disk if neither did, the code must survive
        String during = api.runDetached(List.of("sh", "-c", "sleep 1; exit 42"));
        Api.Response reload = api.request("POST", "/system/reload");
        assertEquals(200, reload.status(), reload.body());
        // the deploy/ watcher applies a jar once it held still for a poll, so on a slow machine it may have swapped
        // the shim while the container above started; either way exactly one reload did it, and logged it
        Await.until("the shim swapped by this reload or, first, by the deploy/ watcher", Duration.ofSeconds(60),
                () -> reload.body().contains("io.holdfast.shim") || engine.log().contains("update io.holdfast.shim "));

        Await.until("the exit during the swap", Duration.ofSeconds(60),
                () -> !api.inspect(during).path("State").path("Running").asBoolean());
        assertEquals(42, api.inspect(during).path("State").path("ExitCode").asInt(), "exit code across the swap");

        assertEquals(steadyPid, api.pid(steady), "same process");
        assertEquals(toldPid, api.pid(told), "same process");
        assertTrue(api.inspect(steady).path("State").path("Running").asBoolean());
        assertTrue(Await.alive(steadyPid) && Await.alive(toldPid));
        List<Long> monitorsAfter = engine.monitorPids();
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
