package io.holdfast.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP/1.1 server on a Unix socket that stands in for holdfastd: it records every request
 * (with its body de-chunked) and answers with whatever raw bytes a route writes, so tests control
 * the framing (Content-Length, chunked, or close-delimited) byte for byte.
 */
public final class FakeDaemon implements AutoCloseable {

    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    @FunctionalInterface
    public interface Route {
        void respond(Request request, OutputStream response) throws Exception;
    }

    private record Binding(String method, String targetPrefix, Route route) {}

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FakeDaemon(Path directory) throws IOException {
        socket = directory.resolve("holdfast.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::acceptLoop, "fake-daemon");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Path socket() {
        return socket;
    }

    public String uri() {
        return "unix://" + socket;
    }

    /** Routes requests whose method matches and whose target starts with the prefix; first binding wins. */
    public FakeDaemon on(String method, String targetPrefix, Route route) {
        bindings.add(new Binding(method, targetPrefix, route));
        return this;
    }

    public List<Request> requests() {
        return requests;
    }

    public Request only(String method, String targetPrefix) {
        List<Request> matching = requests.stream()
                .filter(r -> r.method().equals(method) && r.target().startsWith(targetPrefix)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " " + targetPrefix + " but got " + requests);
        }
        return matching.get(0);
    }

    public List<Throwable> failures() {
        return failures;
    }

    // ---- canned responses ----

    public static Route json(int status, String json) {
        return (request, out) -> out.write(withLength(status, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    public static Route text(int status, String text) {
        return (request, out) -> out.write(withLength(status, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    public static Route noContent() {
        return (request, out) -> out.write(ascii("HTTP/1.1 204 No Content\r\n\r\n"));
    }

    public static byte[] withLength(int status, String contentType, byte[] body) {
        byte[] head = ascii("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n");
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** One chunk of a chunked body, with its size line and trailing CRLF. */
    public static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(Integer.toHexString(data.length) + "\r\n"));
        out.writeBytes(data);
        out.writeBytes(ascii("\r\n"));
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A multiplexed log frame: type byte, three zeros, big-endian length, payload. */
    public static byte[] frame(int stream, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[8 + data.length];
        frame[0] = (byte) stream;
        frame[4] = (byte) (data.length >>> 24);
        frame[5] = (byte) (data.length >>> 16);
        frame[6] = (byte) (data.length >>> 8);
        frame[7] = (byte) data.length;
        System.arraycopy(data, 0, frame, 8, data.length);
        return frame;
    }

    // ---- server ----

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread handler = new Thread(() -> serve(connection), "fake-daemon-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
            Request request = readRequest(in);
            requests.add(request);
            OutputStream out = Channels.newOutputStream(connection);
            Route route = bindings.stream()
                    .filter(b -> b.method().equals(request.method()) && request.target().startsWith(b.targetPrefix()))
                    .map(Binding::route).findFirst()
                    .orElse(json(404, "{\"message\":\"no route for " + request.method() + " " + request.target() + "\"}"));
            route.respond(request, out);
            out.flush();
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String[] requestLine = line(in).split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                decoded.writeBytes(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = decoded.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = new byte[0];
        }
        return new Request(requestLine[0], requestLine[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("client closed mid-request");
            }
            bytes.add((byte) b);
        }
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        String text = new String(array, StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        server.close();
        // the JDK closes a listening socket only once the thread blocked in its accept has left it: until then a
        // client still connects, and a test of a dead engine's socket would be answered
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
