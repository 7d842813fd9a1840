package io.holdfast.itests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stock docker CLI ({@code /usr/bin/docker}, Debian's 20.10 client; never a daemon) against an engine, with
 * {@code DOCKER_HOST} set to the engine's socket and a private {@code DOCKER_CONFIG} under the engine's root.
 *
 * <pre>{@code StockDockerCli docker = StockDockerCli.of(engine);
 * String id = docker.ok("create", "busybox", "sleep", "1000");}</pre>
 */
public final class StockDockerCli {
    public static final Path BINARY = Path.of("/usr/bin/docker");
    /** The newer client installed beside it (28.x). */
    public static final Path NEWER_BINARY = Path.of("/usr/local/bin/docker");
    private final Path binary;
    private final String host;
    private final Path config;

    private StockDockerCli(Path binary, String host, Path config) {
        this.binary = binary;
        this.host = host;
        this.config = config;
    }

    public static StockDockerCli of(Engine engine) throws IOException {
        return of(engine, BINARY);
    }

    public static StockDockerCli of(Engine engine, Path binary) throws IOException {
        return new StockDockerCli(binary, engine.host(),
                Files.createDirectories(engine.root().resolve("docker-config")));
    }

    public Cli.Result run(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(binary.toString()));
        argv.addAll(List.of(args));
        Path err = Files.createTempFile(config, "docker", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectError(err.toFile());
            builder.environment().put("DOCKER_HOST", host);
            builder.environment().put("DOCKER_CONFIG", config.toString());
            Process p = builder.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish");
            }
            return new Cli.Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command that must succeed and returns its trimmed output. */
    public String ok(String... args) throws IOException, InterruptedException {
        Cli.Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited with " + r.exitCode() + ": "
                    + r.err() + r.out());
        }
        return r.line();
    }
}
