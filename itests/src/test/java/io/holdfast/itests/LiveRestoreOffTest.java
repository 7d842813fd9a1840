package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With live restore off, SIGTERM stops the containers gracefully before the engine exits, as dockerd does. */
@ExtendWith(EngineExtension.class)
class LiveRestoreOffTest {

    @Test
    void sigtermStopsContainersGracefullyFirst(@EngineSetup(settings = {"live-restore=false", "shutdown-timeout=5"})
                                               Engine engine, Api api) throws Exception {
        // handles SIGTERM by exiting with 3: only a graceful stop produces that code
        String graceful = engine.cli().ok("run", "-d", "busybox", "sh", "-c",
                Cue.trap("TERM", "exit 3") + "while true; do sleep 0.1; done");
        Cue.awaitTrap(api, graceful); // a TERM before the trap would be dropped and the stop look ungraceful
        // ignores SIGTERM (sh as pid 1 without a trap): killed after the timeout
        String stubborn = engine.cli().ok("run", "-d", "busybox", "sleep", "1000");
        long gracefulPid = api.pid(graceful);
        long stubbornPid = api.pid(stubborn);

        assertEquals(0, engine.terminate(Duration.ofSeconds(60)));
        assertFalse(Await.alive(gracefulPid), "stopped before the engine exited");
        assertFalse(Await.alive(stubbornPid), "killed after the timeout, before the engine exited");

        engine.start();
        JsonNode state = api.inspect(graceful).path("State");
        assertEquals("exited", state.path("Status").asText());
        assertEquals(3, state.path("ExitCode").asInt());
        assertEquals(137, api.inspect(stubborn).path("State").path("ExitCode").asInt());
    }
}
