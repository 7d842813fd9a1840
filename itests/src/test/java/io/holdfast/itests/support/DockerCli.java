package io.holdfast.itests.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the stock docker CLI against an engine, exactly as a user would point it there: {@code DOCKER_HOST} is the
 * engine's socket and {@code DOCKER_CONFIG} a fresh, empty directory of each call's own (removed afterwards), so no
 * context, credential or setting of this machine's user reaches the client. {@link #DEBIAN} is Debian's docker.io
 * client (20.10), the one CI installs; {@link #newer()} the 28.x client where this machine has one.
 *
 * <pre>{@code DockerCli docker = DockerCli.of(engine);
 * String id = docker.ok("create", "--name", "web", "busybox", "sleep", "1000");
 * DockerCli.Result ps = docker.run("ps", "-a");}</pre>
 *
 * A call that has not ended within its timeout is killed and fails the test, with everything it printed so far.
 */
public final class DockerCli {
    /** Debian's client: what {@code .ci/run} installs. Never whatever {@code docker} comes first on PATH. */
    public static final Path DEBIAN = Path.of("/usr/bin/docker");
    /** A newer client (28.x) some machines have besides Debian's; CI has none. */
    public static final Path NEWER = Path.of("/usr/local/bin/docker");
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // generous: the slow mode runs engines niced

    private final Path binary;
    private final String host;
    private final Duration timeout;
    private final Map<String, String> configFiles;

    private DockerCli(Path binary, String host, Duration timeout) {
        this(binary, host, timeout, Map.of());
    }

    private DockerCli(Path binary, String host, Duration timeout, Map<String, String> configFiles) {
        this.binary = binary;
        this.host = host;
        this.timeout = timeout;
        this.configFiles = configFiles;
    }

    /**
     * The same client whose configuration directory holds {@code configJson} as {@code config.json} (a user's
     * {@code auths}: the client sends them as {@code X-Registry-Auth}).
     */
    public DockerCli withConfigJson(String configJson) {
        return new DockerCli(binary, host, timeout, Map.of("config.json", configJson));
    }

    /** Debian's client, pointed at {@code engine}. */
    public static DockerCli of(Engine engine) {
        return new DockerCli(DEBIAN, engine.host(), TIMEOUT);
    }

    /** The same client and engine, with another limit per call. */
    public DockerCli withTimeout(Duration limit) {
        return new DockerCli(binary, host, limit, configFiles);
    }

    /** The newer client pointed at the same engine, if this machine has one. */
    public java.util.Optional<DockerCli> newer() {
        return java.nio.file.Files.isExecutable(NEWER)
                ? java.util.Optional.of(new DockerCli(NEWER, host, timeout, configFiles)) : java.util.Optional.empty();
    }

    public Path binary() {
        return binary;
    }

    /** What one call printed and returned. */
    public record Result(int exitCode, String out, String err) {
        /** Stdout without the trailing newline. */
        public String line() {
            return out.strip();
        }

        public List<String> lines() {
            return line().isEmpty() ? List.of() : List.of(line().split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Result run(String... args) throws Exception {
        return runWithInput(new byte[0], args);
    }

    /** Runs with {@code input} on the client's stdin (closed after it). */
    public Result runWithInput(byte[] input, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(binary.toString()));
        argv.addAll(List.of(args));
        ClientProcess.Outcome outcome = ClientProcess.run(argv, Map.of("DOCKER_HOST", host), "DOCKER_CONFIG",
                configFiles, input, timeout);
        return new Result(outcome.exitCode(), outcome.out(), outcome.err());
    }

    /** Runs another program (a terminal driver) with this client's environment: {@code argv[0]} is not docker. */
    Result runProcess(List<String> argv) throws Exception {
        ClientProcess.Outcome outcome = ClientProcess.run(argv, Map.of("DOCKER_HOST", host), "DOCKER_CONFIG",
                configFiles, new byte[0], timeout);
        return new Result(outcome.exitCode(), outcome.out(), outcome.err());
    }

    /**
     * Starts a call that runs on while the test goes on ({@code logs -f}, {@code events}); the test ends it with
     * {@link Background#await} or {@link Background#close} (which kills it).
     */
    public Background start(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(binary.toString()));
        argv.addAll(List.of(args));
        return new Background(ClientProcess.start(argv, Map.of("DOCKER_HOST", host), "DOCKER_CONFIG", configFiles,
                new byte[0]), timeout);
    }

    /** A call still running. */
    public static final class Background implements AutoCloseable {
        private final ClientProcess client;
        private final Duration timeout;

        private Background(ClientProcess client, Duration timeout) {
            this.client = client;
            this.timeout = timeout;
        }

        /** What it has printed to stdout so far. */
        public String outSoFar() throws java.io.IOException {
            return client.outSoFar();
        }

        /** Waits for it to end by itself; fails the test (and kills it) if it has not within the timeout. */
        public Result await() throws Exception {
            ClientProcess.Outcome outcome = client.await(timeout);
            return new Result(outcome.exitCode(), outcome.out(), outcome.err());
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }

    /** Runs a call that must succeed and returns its stdout, trimmed. */
    public String ok(String... args) throws Exception {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError(binary + " " + String.join(" ", args) + " failed: " + result);
        }
        return result.line();
    }
}
