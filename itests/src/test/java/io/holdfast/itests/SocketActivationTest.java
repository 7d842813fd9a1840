package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.HeldRequest;
import io.holdfast.itests.support.SocketHolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API socket held by a service manager (systemd's {@code holdfast.socket}, here without systemd as pid 1): a
 * client that connects while the engine is down or starting is answered once the engine is back, truthfully, and
 * never refused.
 */
@ExtendWith(EngineExtension.class)
class SocketActivationTest {
    /** Covers an engine start in slow mode; a request that gets no answer in it fails the test. */
    private static final Duration START = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void systemdSocketActivateHandsItsSocketToTheEngineAndTheClientThatWokeItIsAnswered(
            @EngineSetup(start = false) Engine engine) throws Exception {
        Path socket = socketOf(engine);
        List<String> argv = new ArrayList<>(List.of("systemd-socket-activate", "-l", socket.toString(),
                "-E", "HOLDFAST_HOME=" + engine.distribution()));
        argv.addAll(engine.command(List.of("--config", engine.configFile().toString())));
        Process activator = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(engine.root().resolve("engine.log").toFile()))
                .start();
        engine.ran(activator.pid()); // it execs holdfastd
        try {
            Await.until("systemd-socket-activate to listen on " + socket, START, () -> Files.exists(socket));
            // systemd-socket-activate (without --accept) starts the engine at the first connection, in its own place
            try (HeldRequest first = HeldRequest.open(engine, "GET", "/_ping")) {
                assertEquals(200, first.status(START), engine.log());
            }
            assertEquals(200, engine.api().request("GET", "/version").status());
            // answered by the API bundle once it has restored (the launcher answered the two above)
            assertEquals(200, engine.api().request("GET", "/containers/json").status());
            assertTrue(engine.log().contains("the socket the service manager holds"), engine.log());
        } finally {
            activator.destroyForcibly(); // it became holdfastd
            activator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void requestsMadeWhileTheEngineIsDownAreAnsweredOnceItIsBackAndNoneIsRefused(
            @EngineSetup(start = false) Engine engine) throws Exception {
        try (SocketHolder held = SocketHolder.bind(engine)) {
            long pid;
            try (HeldRequest beforeFirstStart = HeldRequest.open(engine, "GET", "/_ping")) {
                pid = held.startEngine();
                assertEquals(200, beforeFirstStart.status(START), engine.log());
            }
            // Type=notify: READY=1 once the API accepts, sent on the engine's behalf (its pid as the sender)
            assertEquals("READY=1 MAINPID=" + pid, held.notification(pid).strip());
            BusyboxImage.importInto(engine);
            String id = engine.api().runDetached(List.of("sleep", "1000"));
            long containerPid = engine.api().pid(id);

            held.kill9(pid);
            assertTrue(Await.alive(containerPid), "the container survives the engine's SIGKILL");
            try (HeldRequest inspect = HeldRequest.open(engine, "GET", "/containers/" + id + "/json");
                    HeldRequest list = HeldRequest.open(engine, "GET", "/containers/json");
                    HeldRequest version = HeldRequest.open(engine, "GET", "/v1.41/version")) {
                // both connected while no engine runs; they are answered by the next one, after its restore
                pid = held.startEngine();
                assertEquals(200, inspect.status(START), engine.log());
                JsonNode state = body(inspect).path("State");
                assertEquals("running", state.path("Status").asText(), "the answer is the restored truth");
                assertEquals(containerPid, state.path("Pid").asLong());
                assertEquals(200, list.status(START));
                assertEquals(id, body(list).path(0).path("Id").asText());
                // the launcher accepted all three at once, from the socket's backlog: it answered the version itself
                // (needing no container) and held the other two for the API bundle
                assertTrue(engine.log().contains("2 connection(s) taken over from the launcher"), engine.log());
                assertEquals(200, version.status(START));
                assertEquals(engine.api().request("GET", "/version").json(), body(version),
                        "the launcher's /version is the API's");
            }

            // an orderly stop (systemctl restart) leaves the held socket's file in place for the next engine
            held.stop(pid);
            assertTrue(Files.exists(socketOf(engine)), "the engine removed the socket systemd holds");
            try (HeldRequest afterStop = HeldRequest.open(engine, "GET", "/containers/" + id + "/json")) {
                held.startEngine();
                assertEquals(200, afterStop.status(START), engine.log());
                assertEquals(containerPid, body(afterStop).path("State").path("Pid").asLong());
            }
        }
    }

    /** The JSON body of an HTTP/1.1 answer, chunked or not. */
    private static JsonNode body(HeldRequest request) throws Exception {
        String text = request.rest(START);
        int headEnd = text.indexOf("\r\n\r\n");
        String body = text.substring(headEnd + 4);
        if (!text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return JSON.readTree(body);
        }
        StringBuilder joined = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return JSON.readTree(joined.toString());
            }
            joined.append(body, lineEnd + 2, lineEnd + 2 + size); // sizes count bytes: the bodies here are ASCII
            at = lineEnd + 2 + size + 2;
        }
    }

    private static Path socketOf(Engine engine) {
        return Path.of(engine.host().substring("unix://".length()));
    }
}
