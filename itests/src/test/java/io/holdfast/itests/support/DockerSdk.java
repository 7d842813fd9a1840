package io.holdfast.itests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Python script from the test resources ({@code src/test/resources/docker-sdk/}) with Debian's
 * {@code /usr/bin/python3} and the Docker SDK for Python installed for it (python3-docker, 5.0.3), pointed at an
 * engine by {@code DOCKER_HOST}. The scripts use the SDK as an application would and check what it returns with
 * {@code assert}s that say what was expected and what came; a failed one exits non-zero with that message, which
 * {@link #ok} puts into the test's failure.
 *
 * <pre>{@code DockerSdk sdk = DockerSdk.of(engine);
 * sdk.ok("lifecycle.py", "sdk-lifecycle");   // the script's arguments follow its name}</pre>
 *
 * A script that has not ended within its timeout is killed and fails the test, with what it printed so far.
 */
public final class DockerSdk {
    /** Debian's interpreter, never a python3 that comes first on PATH (pyenv's has another SDK). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration TIMEOUT = Duration.ofSeconds(180); // several calls each: generous for the slow mode

    private final String host;

    private DockerSdk(String host) {
        this.host = host;
    }

    public static DockerSdk of(Engine engine) {
        return new DockerSdk(engine.host());
    }

    /** What one script printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Result run(String script, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(PYTHON.toString(), "-E", "-s", "-u", resource(script).toString()));
        argv.addAll(List.of(args));
        ClientProcess.Outcome outcome = ClientProcess.run(argv, Map.of("DOCKER_HOST", host), "DOCKER_CONFIG",
                new byte[0], TIMEOUT);
        return new Result(outcome.exitCode(), outcome.out(), outcome.err());
    }

    /** Runs a script that must succeed (all its checks held) and returns what it printed. */
    public String ok(String script, String... args) throws Exception {
        Result result = run(script, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("docker-sdk/" + script + " " + String.join(" ", args) + " failed: " + result);
        }
        return result.out();
    }

    private static Path resource(String script) throws Exception {
        var url = DockerSdk.class.getResource("/docker-sdk/" + script);
        if (url == null) {
            throw new IllegalArgumentException("no script docker-sdk/" + script + " in the test resources");
        }
        Path path = Path.of(url.toURI());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + " is not a file");
        }
        return path;
    }
}
