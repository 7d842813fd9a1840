package io.holdfast.itests.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP proxy on 127.0.0.1 in front of a registry that can stop one blob download midway: the first GET of the
 * blob named by {@link #holdBlob} gets the response headers and the first {@code afterBytes} bytes, then nothing
 * until {@link #release} (or {@link #close}), so a test knows the client is mid-blob without racing it. Every other
 * request passes through whole. It records each request line with its {@code Range} header, to show a resume.
 *
 * <pre>{@code try (HoldingProxy proxy = HoldingProxy.start(registry.host())) {
 *     proxy.holdBlob(layerDigest, 1 << 20);
 *     ... pull proxy.host() + "/app:1" in the background ...
 *     proxy.awaitHolding(Duration.ofMinutes(2)); } }</pre>
 */
public final class HoldingProxy implements AutoCloseable {
    /** Request headers the JDK client sets itself and refuses from a caller. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI upstream;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String heldPath;
    private volatile long holdAfter;

    private HoldingProxy(HttpServer server, ExecutorService threads, URI upstream) {
        this.server = server;
        this.threads = threads;
        this.upstream = upstream;
    }

    /** A proxy to {@code upstreamHost} ({@code 127.0.0.1:PORT}) on a free port of 127.0.0.1. */
    public static HoldingProxy start(String upstreamHost) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "holding-proxy");
            t.setDaemon(true);
            return t;
        });
        HoldingProxy proxy = new HoldingProxy(server, threads, URI.create("http://" + upstreamHost));
        server.setExecutor(threads);
        server.createContext("/", proxy::forward);
        server.start();
        return proxy;
    }

    /** {@code 127.0.0.1:PORT}: image names through the proxy start with it. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds the next GET of blob {@code digest} (of any repository) after {@code afterBytes} of its body. */
    public void holdBlob(String digest, long afterBytes) {
        this.holdAfter = afterBytes;
        this.heldPath = "/blobs/" + digest;
    }

    /** Waits until the held download has been sent its first bytes and is being held. */
    public void awaitHolding(Duration timeout) throws InterruptedException {
        if (!holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no GET of the held blob within " + timeout + "; requests: " + requests);
        }
    }

    /** Ends the held download (its connection is dropped); later requests pass through whole. */
    public void release() {
        released.countDown();
    }

    /** Each request so far: {@code GET /v2/app/blobs/sha256:... Range: bytes=1048576-}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(method + " " + target + (range == null ? "" : " Range: " + range));

            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(target))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(v -> request.header(header.getKey(), v));
                }
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", ":status")
                        .contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (InputStream in = response.body()) {
                if (method.equals("HEAD") || length == 0) {
                    if (length >= 0) {
                        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                    }
                    exchange.sendResponseHeaders(response.statusCode(), -1);
                    return;
                }
                exchange.sendResponseHeaders(response.statusCode(), Math.max(length, 0));
                OutputStream out = exchange.getResponseBody();
                String held = heldPath;
                if (held != null && method.equals("GET") && target.endsWith(held) && response.statusCode() == 200) {
                    heldPath = null;
                    out.write(in.readNBytes((int) holdAfter));
                    out.flush();
                    holding.countDown();
                    released.await();
                    throw new IOException("held download dropped"); // the client never gets the rest
                }
                in.transferTo(out);
                out.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (an engine killed mid-download) or the held download was dropped
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
