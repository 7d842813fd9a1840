package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real listening Unix socket served as a service manager's would be, and clients on it. */
@Timeout(60) // an answer that never comes fails the test instead of hanging the build
class EarlySocketTest {
    private static final String PING = "HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n";
    private static final String LIST = "GET /v1.41/containers/json HTTP/1.1\r\nHost: x\r\n\r\n";

    @TempDir
    Path dir;
    private ServerSocketChannel listening;
    private UnixDomainSocketAddress address;
    private final List<SocketChannel> clients = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        address = UnixDomainSocketAddress.of(dir.resolve("api.sock"));
        listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
    }

    @AfterEach
    void close() throws IOException {
        for (SocketChannel client : clients) {
            client.close();
        }
        listening.close();
    }

    @Test
    void pingsAreAnsweredAndTheConnectionStaysOpenForTheNextRequest() throws Exception {
        EarlySocket socket = serving(() -> "1.2.3");
        SocketChannel client = connect();
        send(client, PING);
        String answer = readAnswer(client, "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.contains("\r\nApi-Version: 1.41\r\n"), answer);
        assertTrue(answer.contains("\r\nServer: Holdfast/1.2.3\r\n"), answer);
        assertTrue(answer.contains("\r\nContent-Length: 0\r\n"), answer);
        assertFalse(answer.contains("Connection: close"), answer);

        send(client, "GET /_ping HTTP/1.1\r\n\r\n");
        assertTrue(readAnswer(client, "\r\n\r\nOK").contains("Content-Length: 2\r\n"));
        Map<SocketChannel, ByteBuffer> held = socket.handOver();
        assertEquals(1, held.size(), "the connection, idle after its pings, is the API's now");
        assertEquals(0, held.values().iterator().next().remaining());
        assertEquals(Map.of(), socket.handOver(), "the connections are the first caller's");
        assertTrue(listening.isBlocking(), "Jetty's acceptor takes the socket in blocking mode");
    }

    @Test
    void versionIsAnsweredWithTheDocumentTheApiGives() throws Exception {
        EarlySocket socket = serving(() -> "4.5.6");
        SocketChannel client = connect();
        send(client, "GET /v1.24/version HTTP/1.1\r\nHost: x\r\n\r\n");
        String answer = readAnswer(client, "}");
        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.contains("\r\nContent-Type: application/json\r\n"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(answer.contains("\r\nContent-Length: " + body.length() + "\r\n"), answer);
        assertTrue(body.startsWith("{\"Version\":\"4.5.6\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.24\","), body);
        assertTrue(body.contains("\"Os\":\"linux\"") && body.contains("\"Experimental\":false"), body);
        assertEquals(1, socket.handOver().size());
    }

    @Test
    void otherRequestsAreHeldWithTheirBytesInTheOrderTheyCame() throws Exception {
        EarlySocket socket = serving(() -> "1");
        SocketChannel first = connect();
        send(first, PING + LIST + "GET /next");
        readAnswer(first, "\r\n\r\n");
        SocketChannel second = connect();
        send(second, "POST /containers/create HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
        SocketChannel partial = connect();
        send(partial, "GET /_ping HTTP/1.1\r\nHost:");
        SocketChannel answered = connect();
        send(answered, PING); // the last: once it is answered, every earlier connection's bytes have been read
        readAnswer(answered, "\r\n\r\n");

        Map<SocketChannel, ByteBuffer> held = socket.handOver();
        List<String> bytes = held.values().stream().map(b -> StandardCharsets.ISO_8859_1.decode(b).toString())
                .toList();
        assertEquals(List.of(LIST + "GET /next", "POST /containers/create HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
                "GET /_ping HTTP/1.1\r\nHost:", ""), bytes);
        for (SocketChannel channel : held.keySet()) {
            assertTrue(channel.isBlocking());
            assertTrue(channel.isOpen());
        }
    }

    @Test
    void anHttp10PingIsAnsweredAndClosedAndAClientThatLeftIsNotHandedOver() throws Exception {
        EarlySocket socket = serving(() -> "1");
        SocketChannel client = connect();
        send(client, "GET /_ping HTTP/1.0\r\n\r\n");
        String answer = readAll(client);
        assertTrue(answer.startsWith("HTTP/1.0 200 OK\r\n") && answer.endsWith("\r\n\r\nOK"), answer);
        assertTrue(answer.contains("Connection: close\r\n"), answer);
        SocketChannel gone = connect();
        send(gone, "GET /containers/json HTTP/1.1\r\n");
        gone.close();
        SocketChannel last = connect();
        send(last, PING);
        readAnswer(last, "\r\n\r\n");
        assertEquals(1, socket.handOver().size(), "only the connection still open");
    }

    @Test
    void afterTheHandOverTheSocketAcceptsInBlockingModeAgain() throws Exception {
        EarlySocket socket = serving(() -> "1");
        assertEquals(Map.of(), socket.handOver());
        SocketChannel client = connect();
        try (SocketChannel accepted = listening.accept()) {
            assertTrue(accepted.isConnected());
        }
        assertEquals(Map.of(), socket.handOver());
        assertTrue(client.isConnected());
    }

    @Test
    void itServesEverySocketItIsGivenAndHandsAllTheirConnectionsOver() throws Exception {
        EarlySocket socket = serving(() -> "1");
        UnixDomainSocketAddress second = UnixDomainSocketAddress.of(dir.resolve("second.sock"));
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(second)) {
            socket.serve(other);
            SocketChannel onSecond = SocketChannel.open(second);
            clients.add(onSecond);
            send(onSecond, PING);
            assertTrue(readAnswer(onSecond, "\r\n\r\n").startsWith("HTTP/1.1 200 OK\r\n"));
            send(onSecond, LIST);
            SocketChannel onFirst = connect();
            send(onFirst, PING);
            readAnswer(onFirst, "\r\n\r\n");
            Map<SocketChannel, ByteBuffer> held = socket.handOver();
            assertEquals(2, held.size());
            assertEquals(LIST, StandardCharsets.ISO_8859_1.decode(held.values().iterator().next()).toString());
            assertTrue(other.isBlocking() && listening.isBlocking());
        }
    }

    @Test
    void withNothingToServeTheHandOverGivesNothing() throws Exception {
        EarlySocket idle = EarlySocket.create(() -> "1");
        assertFalse(idle.serving());
        assertEquals(Map.of(), idle.handOver());
    }

    private EarlySocket serving(java.util.function.Supplier<String> version) throws IOException {
        EarlySocket socket = EarlySocket.create(version);
        socket.serve(listening);
        assertTrue(socket.serving());
        return socket;
    }

    private SocketChannel connect() throws IOException {
        SocketChannel client = SocketChannel.open(address);
        clients.add(client);
        return client;
    }

    private static void send(SocketChannel client, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (bytes.hasRemaining()) {
            client.write(bytes);
        }
    }

    /** Reads until {@code end} has arrived (blocking; the class's timeout ends a wait for an answer never given). */
    private static String readAnswer(SocketChannel client, String end) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1);
        while (!read.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            buffer.clear();
            if (client.read(buffer) < 0) {
                throw new IOException("closed after " + read);
            }
            read.write(buffer.array(), 0, 1);
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readAll(SocketChannel client) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(256);
        while (client.read(buffer.clear()) >= 0) {
            read.write(buffer.array(), 0, buffer.position());
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
