package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.DeployedSwap;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.HeldRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Long requests ({@code wait}, {@code logs -f}, {@code events}) cannot wedge the API: any number of them leave
 * {@code /_ping}, {@code ps} and {@code stop} answering, a client that hangs up gives its request back, and a
 * supervisor swap does not strand them. Timings are not asserted here (scripts/bench-api-wedge.sh measures them);
 * a limit only keeps a wedged engine from hanging the test.
 */
@ExtendWith(EngineExtension.class)
class BlockingRequestsTest {
    /** Generous: on a loaded CI machine an answer may be slow; a wedged API never answers. */
    private static final Duration ANSWER = Duration.ofSeconds(60);
    /** How many long requests the crowd test holds; scripts/bench-api-wedge.sh passes 10000. */
    private static final int CROWD = Integer.getInteger("holdfast.itests.held-requests", 2000);

    @Test
    void seventyWaitsOnOneContainerNoLongerWedgeTheApi(Engine engine, Api api) throws Exception {
        String id = api.runDetached(List.of("sleep", "1000"));
        List<HeldRequest> waits = new ArrayList<>();
        try {
            for (int i = 0; i < 70; i++) {
                HeldRequest wait = HeldRequest.open(engine, "POST", "/containers/" + id + "/wait");
                waits.add(wait);
                assertEquals(200, wait.status(ANSWER), "wait " + i + " has its headers at once");
            }
            assertTrue(answered(api::ping), "/_ping answers while 70 waits are held");
            assertEquals(204, answered(() -> api.request("POST", "/containers/" + id + "/stop?t=1")).status());
            for (HeldRequest wait : waits) {
                assertTrue(wait.rest(ANSWER).contains("\"StatusCode\":137"), "the stop released the wait");
            }
        } finally {
            closeAll(waits);
        }
    }

    @Test
    void aCrowdOfWaitLogsAndEventsClientsLeavesPingPsAndStopAnswering(Engine engine, Api api) throws Exception {
        String held = api.runDetached(List.of("sleep", "1000"));
        String stopped = api.runDetached(List.of("sleep", "1000"));
        List<HeldRequest> crowd = new ArrayList<>();
        try {
            for (int i = 0; i < CROWD; i++) {
                String path = switch (i % 3) {
                    case 0 -> "/containers/" + held + "/wait";
                    case 1 -> "/containers/" + held + "/logs?stdout=1&stderr=1&follow=1";
                    default -> "/events";
                };
                HeldRequest request = HeldRequest.open(engine, i % 3 == 0 ? "POST" : "GET", path);
                crowd.add(request);
                assertEquals(200, request.status(ANSWER), path + " (request " + i + ") has its headers");
            }
            assertTrue(answered(api::ping), "/_ping answers while " + CROWD + " long requests are held");
            assertEquals(200, answered(() -> api.request("GET", "/containers/json")).status(), "ps answers");
            assertEquals(204, answered(() -> api.request("POST", "/containers/" + stopped + "/stop?t=1")).status(),
                    "stop answers");
            assertEquals(CROWD, unanswered(api), "every long request is still held");
        } finally {
            closeAll(crowd);
        }
        Await.until("the requests of clients that hung up released", ANSWER, () -> unanswered(api) == 0);
        assertTrue(api.inspect(held).path("State").path("Running").asBoolean(), "the held container still runs");
    }

    @Test
    void aClientThatHangsUpReleasesItsRequest(Engine engine, Api api) throws Exception {
        String id = api.runDetached(List.of("sleep", "1000"));
        List<HeldRequest> clients = new ArrayList<>();
        try {
            for (String[] request : List.of(new String[] {"POST", "/containers/" + id + "/wait"},
                    new String[] {"GET", "/containers/" + id + "/logs?stdout=1&follow=1"},
                    new String[] {"GET", "/events"})) {
                HeldRequest held = HeldRequest.open(engine, request[0], request[1]);
                clients.add(held);
                assertEquals(200, held.status(ANSWER), request[1]);
            }
            assertEquals(3, unanswered(api));
        } finally {
            closeAll(clients);
        }
        Await.until("three hung-up requests released", ANSWER, () -> unanswered(api) == 0);
    }

    @Test
    void waitAndLogsFollowOfASwappedSupervisorEndWithTheContainer(@EngineSetup(ownDistribution = true)
                                                                  Engine engine, Api api) throws Exception {
        String id = api.runDetached(List.of("sh", "-c", "echo before; trap 'echo bye; exit 3' TERM; "
                + "while true; do usleep 100000; done"));
        Await.until("the first line", ANSWER, () -> api.logLines(id, "").contains("before"));
        try (HeldRequest wait = HeldRequest.open(engine, "POST", "/containers/" + id + "/wait");
             HeldRequest follow = HeldRequest.open(engine, "GET", "/containers/" + id + "/logs?stdout=1&follow=1")) {
            assertEquals(200, wait.status(ANSWER));
            assertEquals(200, follow.status(ANSWER));
            Path dist = engine.distribution();
            DeployedSwap.of(engine, "io.holdfast.supervisor").swapIn(BundleJars.withVersion(
                    BundleJars.original(dist, "supervisor-"), engine.root().resolve("supervisor-next.jar"), "0.2.1"),
                    dist, "supervisor.jar", api);
            assertEquals(204, answered(() -> api.request("POST", "/containers/" + id + "/stop?t=30")).status());
            String waited;
            try {
                waited = wait.rest(ANSWER);
            } catch (AssertionError hung) {
                throw new AssertionError(hung.getMessage() + "\nengine log:\n" + engine.log(), hung);
            }
            assertTrue(waited.contains("\"StatusCode\":3"), "the wait moved to the new supervisor: " + waited
                    + "\n" + engine.log());
            String logs = follow.rest(ANSWER);
            assertTrue(logs.contains("before") && logs.contains("bye"), "logs -f ended with the container: " + logs);
        }
    }

    private static int unanswered(Api api) throws Exception {
        return api.request("GET", "/system/requests").json().path("Unanswered").asInt();
    }

    /** The answer, or a failure if none comes within {@link #ANSWER}. */
    private static <T> T answered(Callable<T> request) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).get(ANSWER.toSeconds(), TimeUnit.SECONDS);
    }

    private static void closeAll(List<HeldRequest> requests) {
        for (HeldRequest request : requests) {
            try {
                request.close();
            } catch (java.io.IOException e) {
                // closing a socket the test opened: nothing else to free
            }
        }
    }
}
