package io.holdfast.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A minimal HTTP/1.0 client on the engine's Unix socket, for polling and for reading JSON without a CLI JVM. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path socket;

    private Api(Path socket) {
        this.socket = socket;
    }

    public static Api of(Engine engine) {
        return new Api(Path.of(engine.host().substring("unix://".length())));
    }

    /** The status line's code and the body. */
    public record Response(int status, String body) {
        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    public boolean ping() {
        try {
            return request("GET", "/_ping").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public Response request(String method, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = method + " " + path + " HTTP/1.0\r\nHost: holdfast\r\nContent-Length: 0\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int body = text.indexOf("\r\n\r\n");
            return new Response(status, body < 0 ? "" : text.substring(body + 4));
        }
    }

    public JsonNode inspect(String ref) throws IOException {
        Response r = request("GET", "/containers/" + ref + "/json");
        if (r.status() != 200) {
            throw new IOException("inspect " + ref + ": " + r.status() + " " + r.body());
        }
        return r.json();
    }
}
