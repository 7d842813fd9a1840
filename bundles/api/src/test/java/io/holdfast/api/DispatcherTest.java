package io.holdfast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.reload.ReloadReport;
import io.holdfast.spi.reload.Reloader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the resident sockets do with a request while the engine's handler comes and goes. */
class DispatcherTest {
    private final AtomicReference<Reloader> reloader = new AtomicReference<>();
    private Server server;
    private LocalConnector connector;

    private Dispatcher start(Duration patience) throws Exception {
        Dispatcher dispatcher = new Dispatcher(patience, new SystemAnswers(() -> null), reloader::get, () -> null);
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(dispatcher);
        server.start();
        return dispatcher;
    }

    private HttpTester.Response send(String method, String path) throws Exception {
        String raw = method + " " + path + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n";
        return HttpTester.parseResponse(connector.getResponse(raw, 30, TimeUnit.SECONDS));
    }

    private CompletableFuture<HttpTester.Response> sendLater(String method, String path) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(method, path);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aRequestGoesToTheHandlerOnOffer() throws Exception {
        Dispatcher dispatcher = start(Duration.ofSeconds(30));
        dispatcher.arrived(new Revision("first"));
        HttpTester.Response list = send("GET", "/containers/json");
        assertEquals(200, list.getStatus());
        assertEquals("first answered /containers/json", list.getContent());
        assertEquals("1.41", list.get("Api-Version"), "the sockets name the API version on every answer");
        assertEquals("linux", list.get("Ostype"));
    }

    @Test
    void aRequestWhileNoHandlerIsOfferedWaitsAndSucceedsWhenOneArrives() throws Exception {
        Dispatcher dispatcher = start(Duration.ofSeconds(30));
        Revision old = new Revision("old");
        dispatcher.arrived(old);
        dispatcher.gone(old); // its bundle is being swapped
        Revision next = new Revision("next");
        CompletableFuture<HttpTester.Response> ping = sendLater("GET", "/v1.41/containers/json");
        waitUntilARequestWaits();
        dispatcher.arrived(next);
        HttpTester.Response answer = ping.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.getStatus());
        assertEquals("next answered /v1.41/containers/json", answer.getContent());
        assertEquals(0, old.requests.get());
    }

    @Test
    void aRevisionThatDeclinesHandsTheRequestToTheNextOne() throws Exception {
        Dispatcher dispatcher = start(Duration.ofSeconds(30));
        Revision closing = new Revision("closing");
        closing.declining = true;
        dispatcher.arrived(closing);
        CompletableFuture<HttpTester.Response> list = sendLater("GET", "/containers/json");
        waitUntilARequestWaits(); // it declined, so the request waits for the next revision
        dispatcher.arrived(new Revision("next"));
        assertEquals("next answered /containers/json", list.get(30, TimeUnit.SECONDS).getContent());
        assertEquals(1, closing.requests.get());
    }

    @Test
    void aRequestThatFindsNoHandlerInTimeGets503WithAClearMessage() throws Exception {
        start(Duration.ofMillis(300));
        HttpTester.Response list = send("GET", "/containers/json");
        assertEquals(503, list.getStatus());
        assertEquals("{\"message\":\"the engine's API handler (api-routes bundle) is not running; see the engine"
                + " log\"}", list.getContent());
    }

    /** Before the restore has run (no handler yet) a client's first calls are answered at once, and truly. */
    @Test
    void pingAndVersionAreAnsweredWithoutAHandlerAndWithoutWaiting() throws Exception {
        start(Duration.ofSeconds(30)); // a request that waited for a handler would hang the test for 30 s
        HttpTester.Response ping = send("GET", "/_ping");
        assertEquals(200, ping.getStatus());
        assertEquals("OK", ping.getContent());
        assertEquals("1.41", ping.get("Api-Version"));
        assertEquals("linux", ping.get("Ostype"));
        assertEquals("no-cache, no-store, must-revalidate", ping.get("Cache-Control"));
        HttpTester.Response head = send("HEAD", "/v1.24/_ping");
        assertEquals(200, head.getStatus());
        assertEquals("0", head.get("Content-Length"));
        HttpTester.Response version = send("GET", "/v1.41/version");
        assertEquals(200, version.getStatus());
        assertTrue(version.getContent().contains("\"ApiVersion\":\"1.41\""), version.getContent());
        assertTrue(version.getContent().contains("\"MinAPIVersion\":\"1.24\""), version.getContent());
    }

    @Test
    void aReloadIsAnsweredHereEvenWithNoHandlerAndWithTheVersionPrefix() throws Exception {
        start(Duration.ofMillis(300));
        AtomicReference<Boolean> dryRun = new AtomicReference<>();
        reloader.set(asked -> {
            dryRun.set(asked);
            return new ReloadReport(Instant.parse("2026-11-30T12:00:00Z"), Duration.ofMillis(5), asked, true, null,
                    null, List.of(), List.of());
        });
        HttpTester.Response reload = send("POST", "/v1.41/system/reload?dryRun=1");
        assertEquals(200, reload.getStatus());
        assertEquals(Boolean.TRUE, dryRun.get());
        assertTrue(reload.getContent().contains("\"DryRun\":true"), reload.getContent());
    }

    @Test
    void aReloadWithoutTheReloadBundleIs503() throws Exception {
        start(Duration.ofMillis(300));
        HttpTester.Response reload = send("POST", "/system/reload");
        assertEquals(503, reload.getStatus());
        assertEquals("{\"message\":\"the reload bundle is not running\"}", reload.getContent());
    }

    /** Returns once a request waits (timed) for a handler: a Jetty thread blocked inside the dispatcher. */
    private static void waitUntilARequestWaits() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!waitingIn(Dispatcher.class)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no request waited for a handler");
            }
            Thread.sleep(1); // polls the condition; the outcome never depends on this length
        }
    }

    private static boolean waitingIn(Class<?> type) {
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getState() == Thread.State.TIMED_WAITING) {
                for (StackTraceElement frame : entry.getValue()) {
                    if (frame.getClassName().equals(type.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** One revision of the engine's handler: answers with its name, or declines as a closing revision does. */
    private static final class Revision extends Handler.Abstract {
        private final String name;
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean declining;

        Revision(String name) {
            this.name = name;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            requests.incrementAndGet();
            if (declining) {
                return false;
            }
            response.setStatus(200);
            byte[] body = (name + " answered " + Request.getPathInContext(request)).getBytes(StandardCharsets.UTF_8);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
