package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A JSON body is read into memory, so it is capped: 413 with a message, and nothing changed. */
class RequestBodyLimitTest {
    private static final EngineVersion VERSION = new EngineVersion("0.1.0", "engine-limits");
    private final FuzzEngine engine = new FuzzEngine();
    private final LocalServer server;

    RequestBodyLimitTest() throws Exception {
        server = new LocalServer(new EngineApi(RouteTable.of(VERSION, engine)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpTester.Response post(String head, byte[] body) throws Exception {
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        return server.send(ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip(),
                false);
    }

    private static byte[] createBody(int bytes) {
        String padding = "x".repeat(bytes - 40);
        return ("{\"Image\":\"busybox\",\"Labels\":{\"p\":\"" + padding + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413BeforeItIsRead() throws Exception {
        byte[] body = createBody(ApiExchange.JSON_BODY_BYTES + 1024);
        HttpTester.Response answer = post("POST /containers/create HTTP/1.1\r\nHost: l\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertEquals(413, answer.getStatus(), answer.getContent());
        assertEquals("{\"message\":\"request body too large: " + body.length + " bytes; a JSON body may take at "
                + "most 1 MiB\"}", answer.getContent());
        assertEquals(List.of(), engine.changes());
    }

    @Test
    void aChunkedBodyIs413AsSoonAsItPassesTheLimit() throws Exception {
        byte[] body = createBody(ApiExchange.JSON_BODY_BYTES + 1024);
        String chunk = Integer.toHexString(body.length) + "\r\n";
        byte[] chunked = ByteBuffer.allocate(chunk.length() + body.length + 7)
                .put(chunk.getBytes(StandardCharsets.ISO_8859_1)).put(body)
                .put("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)).array();
        HttpTester.Response answer = post("POST /containers/create HTTP/1.1\r\nHost: l\r\nContent-Type: "
                + "application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunked);
        assertEquals(413, answer.getStatus(), answer.getContent());
        assertTrue(answer.getContent().startsWith("{\"message\":\"request body too large: over 1048576 bytes; a JSON body"),
                answer.getContent());
        assertEquals(List.of(), engine.changes());
    }

    @Test
    void aBodyWithinTheLimitIsServed() throws Exception {
        byte[] body = createBody(ApiExchange.JSON_BODY_BYTES - 1024);
        HttpTester.Response answer = post("POST /containers/create HTTP/1.1\r\nHost: l\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertEquals(201, answer.getStatus(), answer.getContent());
        assertEquals(List.of("create null"), engine.changes());
    }
}
