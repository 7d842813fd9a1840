package io.holdfast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that hangs up on a long response is noticed; one that sends its next request early is still served. */
class PeerWatchTest {
    @TempDir
    Path dir;

    private final PeerWatch watch = new PeerWatch();
    private final CompletableFuture<Throwable> longFailed = new CompletableFuture<>();
    private final CompletableFuture<Callback> longStarted = new CompletableFuture<>();
    private final AtomicReference<Response> longResponse = new AtomicReference<>();
    private Server server;
    private Path socket;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        DockerClientConnector connector = new DockerClientConnector(server);
        socket = dir.resolve("api.sock");
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                watch.track(request);
                if (Request.getPathInContext(request).equals("/long")) {
                    request.setAttribute(PeerWatch.LONG_RESPONSE, (java.util.function.Consumer<Throwable>)
                            longFailed::complete);
                    longResponse.set(response);
                    response.setStatus(200);
                    response.write(false, ByteBuffer.allocate(0), Callback.from(() -> longStarted.complete(callback),
                            longStarted::completeExceptionally));
                } else {
                    response.write(true, ByteBuffer.wrap("short-answer".getBytes(StandardCharsets.UTF_8)), callback);
                }
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        watch.close();
        server.stop();
    }

    @Test
    void aClientThatHangsUpOnAQuietLongResponseFailsItsRequest() throws Exception {
        try (SocketChannel client = connect()) {
            send(client, "GET /long HTTP/1.1\r\nHost: x\r\n\r\n");
            longStarted.get(10, TimeUnit.SECONDS);
            assertEquals(1, watch.tracked());
        }
        Throwable failure = longFailed.get(10, TimeUnit.SECONDS); // the watch runs twice a second
        assertTrue(failure instanceof IOException, "failed with " + failure);
        for (int i = 0; i < 100 && watch.tracked() > 0; i++) {
            Thread.sleep(50); // polls the condition; completion listeners run just after the failure
        }
        assertEquals(0, watch.tracked(), "the request is released");
    }

    @Test
    void aRequestSentDuringALongResponseIsAnsweredAfterIt() throws Exception {
        try (SocketChannel client = connect()) {
            send(client, "GET /long HTTP/1.1\r\nHost: x\r\n\r\n");
            Callback longDone = longStarted.get(10, TimeUnit.SECONDS);
            send(client, "GET /short HTTP/1.1\r\nHost: x\r\n\r\n");
            watch.check(); // reads the early request off the connection, as the periodic check may have done
            watch.check();
            longResponse.get().write(true, ByteBuffer.wrap("long-end".getBytes(StandardCharsets.UTF_8)), longDone);

            String received = CompletableFuture.supplyAsync(() -> readUntil(client, "short-answer"))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(received.indexOf("long-end") < received.indexOf("short-answer"), received);
            watch.check();
            assertTrue(!longFailed.isDone(), "the client stayed: the long response was not failed");
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
        client.connect(UnixDomainSocketAddress.of(socket));
        return client;
    }

    private static void send(SocketChannel client, String text) throws IOException {
        client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String readUntil(SocketChannel client, String marker) {
        StringBuilder seen = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (!seen.toString().contains(marker)) {
                buffer.clear();
                if (client.read(buffer) < 0) {
                    throw new IllegalStateException("connection closed; received: " + seen);
                }
                seen.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
            }
            return seen.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
