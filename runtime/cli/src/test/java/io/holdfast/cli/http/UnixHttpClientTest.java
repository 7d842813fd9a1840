package io.holdfast.cli.http;

import static io.holdfast.cli.FakeDaemon.ascii;
import static io.holdfast.cli.FakeDaemon.chunk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.FakeDaemon;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixHttpClientTest {

    @TempDir
    Path directory;

    private FakeDaemon daemon;
    private UnixHttpClient client;

    @BeforeEach
    void start() throws IOException {
        daemon = new FakeDaemon(directory);
        client = new UnixHttpClient(daemon.socket());
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
        assertTrue(daemon.failures().isEmpty(), () -> "fake daemon failed: " + daemon.failures());
    }

    @Test
    void readsContentLengthBodyAndSendsHostAndConnectionClose() throws IOException {
        daemon.on("GET", "/_ping", FakeDaemon.text(200, "OK"));

        try (HttpResponse response = client.send(HttpRequest.get("/_ping"))) {
            assertEquals(200, response.status());
            assertEquals("text/plain", response.header("CONTENT-TYPE"));
            assertEquals("OK", response.bodyText());
        }
        FakeDaemon.Request sent = daemon.only("GET", "/_ping");
        assertEquals("holdfast", sent.header("Host"));
        assertEquals("close", sent.header("Connection"));
    }

    @Test
    void decodesChunkedBodyWithExtensionsAndTrailers() throws IOException {
        daemon.on("GET", "/chunked", (request, out) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            out.write(chunk(ascii("hello, ")));
            out.write(ascii("5;name=value\r\nworld\r\n"));
            out.write(chunk(new byte[] {'!'}));
            // one write: once the client has the last chunk it may close, and a later write would hit a broken pipe
            out.write(ascii("0\r\nX-Trailer: ignored\r\n\r\ngarbage after the last chunk must not be read"));
        });

        try (HttpResponse response = client.send(HttpRequest.get("/chunked"))) {
            assertEquals("hello, world!", response.bodyText());
        }
    }

    @Test
    void readsBodyWithoutLengthUntilTheDaemonCloses() throws IOException {
        daemon.on("GET", "/eof", (request, out) -> out.write(ascii("HTTP/1.0 200 OK\r\n\r\nuntil the end\nof the stream")));

        try (HttpResponse response = client.send(HttpRequest.get("/eof"))) {
            assertEquals("until the end\nof the stream", response.bodyText());
        }
    }

    @Test
    void returnsEachChunkAsSoonAsItArrives() throws Exception {
        CountDownLatch firstChunkRead = new CountDownLatch(1);
        daemon.on("GET", "/follow", (request, out) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            out.write(chunk(ascii("first")));
            out.flush();
            // The second chunk is only sent once the client has seen the first: a client that
            // waited for more bytes than the first chunk would deadlock here.
            if (!firstChunkRead.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("client never read the first chunk on its own");
            }
            out.write(chunk(ascii("second")));
            out.write(ascii("0\r\n\r\n"));
        });

        try (HttpResponse response = client.send(HttpRequest.get("/follow"))) {
            byte[] buffer = new byte[1024];
            int n = response.body().read(buffer);
            assertEquals("first", new String(buffer, 0, n, StandardCharsets.US_ASCII));
            firstChunkRead.countDown();
            assertEquals("second", response.bodyText());
        }
    }

    @Test
    void bodylessResponsesAreEmpty() throws IOException {
        daemon.on("POST", "/containers/c/start", (request, out) -> out.write(ascii("HTTP/1.1 304 Not Modified\r\n\r\n")));

        try (HttpResponse response = client.send(HttpRequest.post("/containers/c/start"))) {
            assertEquals(304, response.status());
            assertEquals(0, response.bodyBytes().length);
        }
        assertEquals("0", daemon.only("POST", "/containers/c/start").header("Content-Length"));
    }

    @Test
    void exposesErrorStatusAndBody() throws IOException {
        daemon.on("GET", "/containers/nope/json", FakeDaemon.json(404, "{\"message\":\"No such container: nope\"}"));

        try (HttpResponse response = client.send(HttpRequest.get("/containers/nope/json"))) {
            assertEquals(404, response.status());
            assertEquals("{\"message\":\"No such container: nope\"}", response.bodyText());
        }
    }

    @Test
    void streamsUnknownLengthUploadsChunked() throws IOException {
        byte[] tarball = new byte[200_000]; // several 64 KiB chunks
        new Random(7).nextBytes(tarball);
        daemon.on("POST", "/images/create", FakeDaemon.json(200, "{\"status\":\"sha256:abc\"}"));

        RequestBody body = new RequestBody.Streamed("application/x-tar", new ByteArrayInputStream(tarball), -1);
        try (HttpResponse response = client.send(HttpRequest.post("/images/create?fromSrc=-", body))) {
            assertEquals(200, response.status());
        }
        FakeDaemon.Request sent = daemon.only("POST", "/images/create");
        assertEquals("chunked", sent.header("Transfer-Encoding"));
        assertEquals("application/x-tar", sent.header("Content-Type"));
        assertArrayEquals(tarball, sent.body());
    }

    @Test
    void sendsKnownLengthUploadsWithContentLength() throws IOException {
        byte[] tarball = "a small tarball".getBytes(StandardCharsets.US_ASCII);
        daemon.on("POST", "/images/create", FakeDaemon.json(200, "{}"));

        InputStream source = new ByteArrayInputStream(tarball);
        client.send(HttpRequest.post("/images/create", new RequestBody.Streamed("application/x-tar", source, tarball.length)))
                .close();

        FakeDaemon.Request sent = daemon.only("POST", "/images/create");
        assertEquals(String.valueOf(tarball.length), sent.header("Content-Length"));
        assertArrayEquals(tarball, sent.body());
    }

    @Test
    void truncatedContentLengthBodyIsAnError() throws IOException {
        daemon.on("GET", "/short", (request, out) -> out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")));

        try (HttpResponse response = client.send(HttpRequest.get("/short"))) {
            assertThrows(EOFException.class, response::bodyBytes);
        }
    }

    @Test
    void missingSocketIsAConnectFailure() {
        UnixHttpClient nowhere = new UnixHttpClient(directory.resolve("missing.sock"));

        ConnectFailedException failure = assertThrows(ConnectFailedException.class,
                () -> nowhere.send(HttpRequest.get("/_ping")));
        assertEquals(directory.resolve("missing.sock"), failure.socket());
    }
}
