package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestorePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The route table behind the API's one handler, driven over HTTP with fake services. */
class EngineApiTest {
    private static final EngineVersion VERSION = new EngineVersion("0.1.0", "engine-1");

    private final FakeServices services = new FakeServices(Duration.ofSeconds(30));
    private final EngineApi api = new EngineApi(RouteTable.of(VERSION, services));
    private LocalServer server;

    private HttpTester.Response send(String method, String path) throws Exception {
        if (server == null) {
            server = new LocalServer(api);
        }
        return server.send(method, path);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theVersionPrefixIsDroppedBeforeRouting() throws Exception {
        assertEquals("[]", send("GET", "/v1.24/containers/json").getContent());
        HttpTester.Response list = send("GET", "/v1.41/containers/json?all=1");
        assertEquals(200, list.getStatus());
        assertEquals("[]", list.getContent());
    }

    @Test
    void anUnknownPathIs404NamingThePathWithoutItsPrefix() throws Exception {
        HttpTester.Response unknown = send("GET", "/v1.41/containers/web/no-such-verb");
        assertEquals(404, unknown.getStatus());
        assertEquals("{\"message\":\"page not found: /containers/web/no-such-verb\"}", unknown.getContent());
    }

    @Test
    void aKnownPathWithAnotherMethodIs405() throws Exception {
        HttpTester.Response put = send("PUT", "/containers/json");
        assertEquals(405, put.getStatus());
        assertEquals("{\"message\":\"method PUT is not allowed on /containers/json\"}", put.getContent());
    }

    @Test
    void engineErrorsBecomeDockersStatusCodesWithTheirMessage() throws Exception {
        HttpTester.Response inspect = send("GET", "/containers/ghost/json");
        assertEquals(404, inspect.getStatus());
        assertEquals("{\"message\":\"No such container: ghost\"}", inspect.getContent());
        HttpTester.Response badWait = send("POST", "/containers/ghost/wait?condition=gone");
        assertEquals(400, badWait.getStatus());
        assertTrue(badWait.getContent().contains("expected not-running, next-exit or removed"), badWait.getContent());
    }

    @Test
    void eventsAre503WhileNoJournalRuns() throws Exception {
        HttpTester.Response events = send("GET", "/events");
        assertEquals(503, events.getStatus());
        assertTrue(events.getContent().contains("the logging bundle is down"), events.getContent());
    }

    @Test
    void aRestoreRequestWaitsForTheRestoreBundleAndSucceedsWhenItArrives() throws Exception {
        CompletableFuture<HttpTester.Response> plan = CompletableFuture.supplyAsync(() -> {
            try {
                return send("GET", "/v1.41/restore/plan");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Waiting.untilAsked(services);
        services.restoreBundle.set(new OnePlan());
        HttpTester.Response answer = plan.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.getStatus());
        assertTrue(answer.getContent().contains("\"Outcome\":\"needs-attention\""), answer.getContent());
    }

    @Test
    void aRestoreRequestFailsClearlyWhenTheRestoreBundleStaysAway() throws Exception {
        FakeServices noRestore = new FakeServices(Duration.ofSeconds(1));
        server = new LocalServer(new EngineApi(RouteTable.of(VERSION, noRestore)));
        HttpTester.Response plan = send("GET", "/restore/plan");
        assertEquals(500, plan.getStatus());
        assertEquals("{\"message\":\"the restore bundle is not running (waited 1 s); see the engine log\"}",
                plan.getContent());
    }

    @Test
    void aClosedRevisionDeclinesNewRequestsSoTheSocketsHandThemOn() throws Exception {
        // by request, not in one flag: the first request's handler may return after the second was declined
        java.util.Map<String, Boolean> answered = new java.util.concurrent.ConcurrentHashMap<>();
        server = new LocalServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                boolean handled = api.handle(request, response, callback);
                answered.put(request.getHttpURI().getPathQuery(), handled);
                return handled; // false: Jetty answers 404 itself, as no handler took it
            }
        });
        assertEquals(200, send("GET", "/containers/json").getStatus());
        // the client has its answer before the server thread leaves the handler: close waits for that, however slow
        assertEquals(0, api.close(30_000), "no request was running");
        send("GET", "/containers/json?all=1");
        assertFalse(answered.get("/containers/json?all=1"), "a closing revision declines"); // set before the 404
        for (int i = 0; i < 1000 && !answered.containsKey("/containers/json"); i++) {
            Thread.sleep(10); // polls the condition: the first handler returns in its own time
        }
        assertTrue(answered.get("/containers/json"), "the open revision answered the first request");
    }

    /** A restore bundle whose plan has one container that needs the operator. */
    private static final class OnePlan implements RestoreControl {
        @Override
        public io.holdfast.spi.restore.RestoreReport restore() {
            throw new UnsupportedOperationException("not asked for in this test");
        }

        @Override
        public RestorePlan plan() {
            return new RestorePlan(Instant.parse("2026-11-30T12:00:00Z"), List.of(new RestoreEntry(
                    "0123456789ab0123456789ab", "web", io.holdfast.spi.restore.RestoreOutcome.NEEDS_ATTENTION,
                    "storage driver overlay is not installed")), List.of(), List.of());
        }

        @Override
        public RestoreEntry adopt(String container) {
            throw new UnsupportedOperationException("not asked for in this test");
        }

        @Override
        public RestoreEntry stop(String container, Duration timeout) {
            throw new UnsupportedOperationException("not asked for in this test");
        }
    }
}
