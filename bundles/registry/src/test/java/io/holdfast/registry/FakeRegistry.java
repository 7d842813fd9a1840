package io.holdfast.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small hand-written registry on 127.0.0.1 for unit tests: serves one repository's manifests and blobs behind a
 * Bearer token service (which wants user {@code alice}), honours {@code Range}, and can stall a blob download halfway or
 * serve tampered bytes. Real-registry behaviour is covered by the itests against Debian's docker-registry.
 */
final class FakeRegistry implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String TOKEN = "token-for-alice";

    final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    final Map<String, String> manifestTypes = new ConcurrentHashMap<>();
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final Map<String, byte[]> tampered = new ConcurrentHashMap<>();
    final List<String> rangeRequests = new ArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    volatile int cutFirstBlobDownloadAfter = -1;
    /** Basic auth ({@code alice}) instead of the token service, as an htpasswd-configured registry does. */
    volatile boolean basicAuth;
    private final List<HttpExchange> stalled = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/v2/", this::registry);
        server.start();
    }

    String domain() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange x) throws IOException {
        tokenRequests.incrementAndGet();
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))
                || !x.getRequestURI().getQuery().contains("scope=repository:team/app:pull")) {
            send(x, 401, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        send(x, 200, ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private void registry(HttpExchange x) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (basicAuth && !basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
            send(x, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                    .getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        if (!basicAuth && !("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            x.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + domain()
                    + "/token\",service=\"fake\",scope=\"repository:team/app:pull\"");
            send(x, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                    .getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        String path = x.getRequestURI().getPath();
        if (path.startsWith("/v2/team/app/manifests/")) {
            String ref = path.substring("/v2/team/app/manifests/".length());
            byte[] body = manifests.get(ref);
            if (body == null) {
                send(x, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
                        .getBytes(StandardCharsets.UTF_8), "application/json");
                return;
            }
            send(x, 200, body, manifestTypes.get(ref));
            return;
        }
        if (path.startsWith("/v2/team/app/blobs/")) {
            String digest = path.substring("/v2/team/app/blobs/".length());
            byte[] body = tampered.getOrDefault(digest, blobs.get(digest));
            if (body == null) {
                send(x, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}"
                        .getBytes(StandardCharsets.UTF_8), "application/json");
                return;
            }
            String range = x.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
                synchronized (rangeRequests) {
                    rangeRequests.add(range);
                }
                from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            }
            int cut = cutFirstBlobDownloadAfter;
            x.getResponseHeaders().add("Content-Type", "application/octet-stream");
            if (from > 0) {
                x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/"
                        + body.length);
            }
            x.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
            OutputStream out = x.getResponseBody();
            if (cut >= 0 && from == 0 && body.length > cut) {
                cutFirstBlobDownloadAfter = -1;
                out.write(body, 0, cut);
                out.flush();
                stalled.add(x); // never finished: the client must notice the stall and resume
                return;
            }
            out.write(body, from, body.length - from);
            out.close();
            return;
        }
        send(x, 404, new byte[0], "text/plain");
    }


    private static void send(HttpExchange x, int status, byte[] body, String type) throws IOException {
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }

    @Override
    public void close() {
        stalled.forEach(HttpExchange::close);
        server.stop(0);
    }
}
