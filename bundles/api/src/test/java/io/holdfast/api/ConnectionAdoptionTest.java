package io.holdfast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections accepted before the API's connector ran (by the launcher, on the socket a service manager handed over)
 * are served by it as its own, starting with the bytes the launcher read from them.
 */
@Timeout(60)
class ConnectionAdoptionTest {
    @TempDir
    Path dir;
    private Server server;
    private DockerClientConnector connector;
    private ServerSocketChannel earlier;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new DockerClientConnector(server);
        connector.setUnixDomainPath(dir.resolve("api.sock"));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byte[] body = (request.getMethod() + " " + request.getHttpURI().getPath() + " host="
                        + request.getHeaders().get(HttpHeader.HOST)).getBytes(StandardCharsets.UTF_8);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        earlier = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(dir.resolve("earlier.sock")));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            earlier.close();
        }
    }

    @Test
    void aRequestPartlyReadBeforeIsAnsweredAndTheConnectionServesTheNextOne() throws Exception {
        try (SocketChannel client = SocketChannel.open(earlier.getLocalAddress())) {
            SocketChannel accepted = earlier.accept();
            connector.adopt(accepted, bytes("GET /v1.41/containers/json HTTP/1.1\r\nHo"));
            send(client, "st: a\r\n\r\n"); // the rest, sent after
            String answer = readAnswer(client);
            assertTrue(answer.endsWith("GET /v1.41/containers/json host=a"), answer);
            send(client, "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(readAnswer(client).endsWith("GET /next host=a"));
        }
    }

    @Test
    void aConnectionWithNothingReadIsServedFromItsFirstByte() throws Exception {
        try (SocketChannel client = SocketChannel.open(earlier.getLocalAddress())) {
            connector.adopt(earlier.accept(), ByteBuffer.allocate(0));
            send(client, "HEAD /_ping HTTP/1.1\r\nHost: b\r\n\r\n");
            String answer = readAnswer(client, true);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        }
    }

    @Test
    void aWholeRequestReadBeforeIsAnsweredWithoutTheClientSendingMoreAndItsBlankHostMended() throws Exception {
        try (SocketChannel client = SocketChannel.open(earlier.getLocalAddress())) {
            // as the Docker 20.10 CLI's hijacked requests, which Jetty alone would refuse for the blank Host
            connector.adopt(earlier.accept(), bytes("POST /containers/x/attach HTTP/1.1\r\nHost: \r\n\r\n"));
            String answer = readAnswer(client);
            assertTrue(answer.endsWith("POST /containers/x/attach host=h"), answer);
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void send(SocketChannel client, String text) throws IOException {
        ByteBuffer buffer = bytes(text);
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }

    /** One answer: its head, then as many body bytes as its Content-Length says (0 for a HEAD). */
    private static String readAnswer(SocketChannel client) throws IOException {
        return readAnswer(client, false);
    }

    private static String readAnswer(SocketChannel client, boolean toHead) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        int bodyLeft = -1;
        while (bodyLeft != 0) {
            if (client.read(one.clear()) < 0) {
                throw new IOException("closed after " + read);
            }
            read.write(one.array(), 0, 1);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            if (bodyLeft > 0) {
                bodyLeft--;
            } else if (bodyLeft < 0 && text.endsWith("\r\n\r\n")) {
                int at = text.toLowerCase().indexOf("content-length: ");
                bodyLeft = toHead || at < 0 ? 0
                        : Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)).trim());
            }
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
