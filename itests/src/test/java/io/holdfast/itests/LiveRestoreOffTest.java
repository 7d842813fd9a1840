package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With live restore off, SIGTERM stops the containers gracefully before the engine exits, as dockerd does. */
class LiveRestoreOffTest {

    @Test
    void sigtermStopsContainersGracefullyFirst() throws Exception {
        try (Engine engine = new Engine(java.util.Map.of("live-restore", false, "shutdown-timeout", 5))) {
            engine.start();
            BusyboxImage.importInto(engine);
            // handles SIGTERM by exiting with 3: only a graceful stop produces that code
            String graceful = engine.cli().ok("run", "-d", "busybox", "sh", "-c",
                    "trap 'exit 3' TERM; while true; do sleep 0.1; done");
            // ignores SIGTERM (sh as pid 1 without a trap): killed after the timeout
            String stubborn = engine.cli().ok("run", "-d", "busybox", "sleep", "1000");
            long gracefulPid = Api.of(engine).inspect(graceful).path("State").path("Pid").asLong();
            long stubbornPid = Api.of(engine).inspect(stubborn).path("State").path("Pid").asLong();

            assertEquals(0, engine.terminate(Duration.ofSeconds(60)));
            assertFalse(Await.alive(gracefulPid), "stopped before the engine exited");
            assertFalse(Await.alive(stubbornPid), "killed after the timeout, before the engine exited");

            engine.start();
            JsonNode state = Api.of(engine).inspect(graceful).path("State");
            assertEquals("exited", state.path("Status").asText());
            assertEquals(3, state.path("ExitCode").asInt());
            assertEquals(137, Api.of(engine).inspect(stubborn).path("State").path("ExitCode").asInt());
        }
    }
}
