package io.holdfast.itests.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real registry for a test: Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 at a free port, with
 * its own storage directory under the test's root; stopped by {@link #close}, even when the test failed.
 *
 * <pre>{@code try (LocalRegistry registry = LocalRegistry.start(engine.root().resolve("registry"))) {
 *     cli.ok("push", registry.host() + "/app:1"); } }</pre>
 */
public final class LocalRegistry implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private final Process process;
    private final int port;
    private final Path storage;

    private LocalRegistry(Process process, int port, Path storage) {
        this.process = process;
        this.port = port;
        this.storage = storage;
    }

    public static LocalRegistry start(Path dir) throws Exception {
        return start(dir, List.of());
    }

    /**
     * A registry that answers only {@code user} with {@code password}: the registry's own htpasswd basic auth, whose
     * file needs bcrypt entries (written with python3-bcrypt, which {@code scripts/install-deps.sh} installs).
     */
    public static LocalRegistry startWithBasicAuth(Path dir, String user, String password) throws Exception {
        Files.createDirectories(dir);
        Path htpasswd = dir.resolve("htpasswd");
        Process hash = new ProcessBuilder("/usr/bin/python3", "-c",
                "import bcrypt, sys; sys.stdout.write(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(5)).decode())",
                password).redirectErrorStream(true).start();
        String hashed = new String(hash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (hash.waitFor() != 0 || !hashed.startsWith("$2")) {
            throw new IllegalStateException("cannot bcrypt a password (apt-get install python3-bcrypt): " + hashed);
        }
        Files.writeString(htpasswd, user + ":" + hashed + "\n");
        return start(dir, List.of(
                "auth:",
                "  htpasswd:",
                "    realm: holdfast-test",
                "    path: " + htpasswd));
    }

    /** A registry that serves HTTPS only, with the certificate and key (PEM files) given. */
    public static LocalRegistry startWithTls(Path dir, Path certificate, Path key) throws Exception {
        return start(dir, List.of(
                "  tls:",
                "    certificate: " + certificate,
                "    key: " + key), true);
    }

    /** A registry whose config.yml has {@code extraConfig} lines besides storage and address. */
    public static LocalRegistry start(Path dir, List<String> extraConfig) throws Exception {
        return start(dir, extraConfig, false);
    }

    private static LocalRegistry start(Path dir, List<String> extraConfig, boolean tls) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install docker-registry");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("config.yml");
        List<String> lines = new java.util.ArrayList<>(List.of(
                "version: 0.1",
                "log:",
                "  level: warn",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + storage,
                "http:",
                "  addr: 127.0.0.1:" + port));
        lines.addAll(extraConfig);
        Files.writeString(config, String.join("\n", lines) + "\n");
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "serve", config.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(process, port, storage);
        try {
            HttpClient http = HttpClient.newHttpClient();
            Await.until("docker-registry answers on 127.0.0.1:" + port, Duration.ofSeconds(30), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited: " + Files.readString(
                            dir.resolve("registry.log")));
                }
                try {
                    if (tls) { // accepting connections is enough: its certificate is the test's to check
                        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
                        return true;
                    }
                    int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    return status == 200 || status == 401; // 401: it answers, and wants credentials
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (Exception | Error e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, the first component of image names in this registry. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The file holding a blob in the registry's own storage (to tamper with it). */
    public Path blobData(String digest) {
        String hex = digest.substring("sha256:".length());
        return storage.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
    }

    /** Sends a request straight to the registry (e.g. to PUT an index no client here writes). */
    public HttpResponse<String> request(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return request(method, path, contentType, body, "*/*");
    }

    /** {@link #request} with an {@code Accept} header (manifests: which media types the caller reads). */
    public HttpResponse<String> request(String method, String path, String contentType, byte[] body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        b.header("Accept", accept);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
