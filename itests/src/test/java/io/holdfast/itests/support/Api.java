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

    /**
     * True once the engine answers a request that needs its restored state: {@code /_ping} is answered as soon as the
     * sockets open, before the restore has run.
     */
    public boolean ready() {
        try {
            return request("GET", "/containers/json?limit=1").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public Response request(String method, String path) throws IOException {
        return request(method, path, new byte[0]);
    }

    /** POSTs a JSON body, e.g. a container create. */
    public Response post(String path, Object json) throws IOException {
        return request("POST", path, JSON.writeValueAsBytes(json));
    }

    public Response request(String method, String path, byte[] body) throws IOException {
        byte[] raw = exchange(method, path, body);
        String head = new String(raw, 0, Math.min(raw.length, 12), StandardCharsets.US_ASCII);
        int status = Integer.parseInt(head.substring(9, 12));
        int bodyStart = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new Response(status, bodyStart < 0 ? ""
                : new String(raw, bodyStart + 4, raw.length - bodyStart - 4, StandardCharsets.UTF_8));
    }

    /** A container's stdout lines, demultiplexed from Docker's framed log stream. */
    public java.util.List<String> logLines(String ref, String query) throws IOException {
        byte[] raw = exchange("GET", "/containers/" + ref + "/logs?stdout=1&stderr=1" + query, new byte[0]);
        int i = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        java.util.List<String> lines = new java.util.ArrayList<>();
        while (i + 8 <= raw.length) {
            int length = ((raw[i + 4] & 0xff) << 24) | ((raw[i + 5] & 0xff) << 16) | ((raw[i + 6] & 0xff) << 8)
                    | (raw[i + 7] & 0xff);
            String text = new String(raw, i + 8, length, StandardCharsets.UTF_8);
            lines.add(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            i += 8 + length;
        }
        return lines;
    }

    /** One frame of Docker's multiplexed stream: 1 stdout, 2 stderr. */
    public record Frame(int stream, String text) {
    }

    /** Sends {@code json} and reads the answer as Docker's multiplexed stream until the engine ends it. */
    public java.util.List<Frame> frames(String method, String path, Object json) throws IOException {
        byte[] raw = exchange(method, path, JSON.writeValueAsBytes(json));
        int i = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        java.util.List<Frame> frames = new java.util.ArrayList<>();
        while (i + 8 <= raw.length) {
            int length = ((raw[i + 4] & 0xff) << 24) | ((raw[i + 5] & 0xff) << 16) | ((raw[i + 6] & 0xff) << 8)
                    | (raw[i + 7] & 0xff);
            frames.add(new Frame(raw[i], new String(raw, i + 8, length, StandardCharsets.UTF_8)));
            i += 8 + length;
        }
        return frames;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private byte[] exchange(String method, String path, byte[] body) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = method + " " + path + " HTTP/1.0\r\nHost: holdfast\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer payload = ByteBuffer.wrap(body);
            while (payload.hasRemaining()) {
                channel.write(payload);
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return response.toByteArray();
        }
    }

    /** Creates and starts a container as {@code run -d} does; returns its id. */
    public String runDetached(java.util.List<String> command) throws IOException {
        Response created = post("/containers/create", java.util.Map.of("Image", "busybox", "Cmd", command));
        if (created.status() != 201) {
            throw new IOException("create: " + created.status() + " " + created.body());
        }
        String id = created.json().path("Id").asText();
        Response started = request("POST", "/containers/" + id + "/start");
        if (started.status() != 204) {
            throw new IOException("start: " + started.status() + " " + started.body());
        }
        return id;
    }

    /** The container's process id (0 when it is not running). */
    public long pid(String ref) throws IOException {
        return inspect(ref).path("State").path("Pid").asLong();
    }

    public JsonNode inspect(String ref) throws IOException {
        Response r = request("GET", "/containers/" + ref + "/json");
        if (r.status() != 200) {
            throw new IOException("inspect " + ref + ": " + r.status() + " " + r.body());
        }
        return r.json();
    }
}
