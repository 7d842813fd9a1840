package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shrunk cases {@link ApiRoutesFuzzTest} found, each kept as a plain test after its fix. */
class FuzzRegressionsTest {
    private static final EngineVersion VERSION = new EngineVersion("0.1.0", "engine-fuzz");
    private final FuzzEngine engine = new FuzzEngine();
    private final LocalServer server;

    FuzzRegressionsTest() throws Exception {
        server = new LocalServer(new EngineApi(RouteTable.of(VERSION, engine)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpTester.Response send(String method, String target, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        ByteBuffer raw = ByteBuffer.allocate(head.length() + bytes.length)
                .put(head.getBytes(StandardCharsets.ISO_8859_1)).put(bytes).flip();
        return server.send(raw, method.equals("HEAD"));
    }

    private void assertRefused(HttpTester.Response answer, int status, String messageStart) {
        assertEquals(status, answer.getStatus(), answer.getContent());
        assertTrue(answer.getContent().startsWith("{\"message\":\"" + messageStart), answer.getContent());
        assertEquals(java.util.List.of(), engine.changes());
    }

    @Test
    void eventsSinceAHugeNumberIs400NotAnOverflow() throws Exception {
        assertRefused(send("GET", "/events?since=9223372036854775807", ""), 400,
                "since: \\\"9223372036854775807\\\" is out of range: a time must lie between");
        assertRefused(send("GET", "/events?until=9999999999999999999.5", ""), 400,
                "until: \\\"9999999999999999999.5\\\" is out of range: a time must lie between");
    }

    /** A push or pull refused before its first progress line was an empty 200: the stream answered before it. */
    @Test
    void aPushOrPullRefusedBeforeAnyProgressIsItsStatusNotAnEmpty200() throws Exception {
        assertRefused(send("POST", "/images/app/push?tag=1", ""), 404, "the fuzz engine has no such image (push)");
        assertRefused(send("POST", "/images/create?fromImage=app&tag=1", ""), 404,
                "the fuzz engine has no such image (pull)");
    }
}
