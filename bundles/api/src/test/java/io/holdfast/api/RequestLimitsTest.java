package io.holdfast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sockets' own limits, on a real Unix socket served the way {@link ApiSockets} serves it. */
class RequestLimitsTest {
    private Path dir;
    private Path socket;
    private Server server;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("holdfast-limits-");
        socket = dir.resolve("api.sock");
        server = new Server();
        DockerClientConnector connector = new DockerClientConnector(server);
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                callback.succeeded();
                return true;
            }
        });
        server.setErrorHandler(new JsonErrorHandler());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private HttpTester.Response send(String raw) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            OutputStream out = Channels.newOutputStream(channel);
            try {
                out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it read all of an oversized head
            }
            InputStream in = Channels.newInputStream(channel);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return HttpTester.parseResponse(ByteBuffer.wrap(answer.toByteArray()));
        }
    }

    @Test
    void aHeadWithinTheLimitIsServed() throws IOException {
        String header = "X-Registry-Auth: " + "a".repeat(16 * 1024) + "\r\n";
        HttpTester.Response ok = send("GET /_ping HTTP/1.1\r\nHost: d\r\n" + header + "Connection: close\r\n\r\n");
        assertEquals(200, ok.getStatus());
    }

    @Test
    void anOversizedHeaderIs431WithAJsonMessageNamingTheLimit() throws IOException {
        String header = "X-Huge: " + "a".repeat(RequestLimits.HEADER_BYTES) + "\r\n";
        HttpTester.Response refused = send("GET /_ping HTTP/1.1\r\nHost: d\r\n" + header + "Connection: close\r\n\r\n");
        assertEquals(431, refused.getStatus());
        assertEquals("application/json", refused.get(HttpHeader.CONTENT_TYPE));
        assertTrue(refused.getContent().startsWith("{\"message\":\"Request Header Fields Too Large"),
                refused.getContent());
        assertTrue(refused.getContent().contains("at most 64 KiB"), refused.getContent());
    }

    @Test
    void anOversizedRequestLineIsRefusedTooNotServed() throws IOException {
        String path = "/containers/json?filters=" + "a".repeat(RequestLimits.HEADER_BYTES);
        HttpTester.Response refused = send("GET " + path + " HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
        assertTrue(refused.getStatus() == 414 || refused.getStatus() == 431, "status " + refused.getStatus());
        assertTrue(refused.getContent().startsWith("{\"message\":"), refused.getContent());
    }

    @Test
    void aMalformedRequestLineIs400WithAJsonMessage() throws IOException {
        HttpTester.Response refused = send("GET /_ping HTTP/9.9 nonsense\r\nHost: d\r\n\r\n");
        assertEquals(400, refused.getStatus());
        assertTrue(refused.getContent().startsWith("{\"message\":\"Bad Request"), refused.getContent());
    }
}
