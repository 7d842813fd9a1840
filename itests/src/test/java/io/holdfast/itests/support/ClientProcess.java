package io.holdfast.itests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running call of a stock Docker client ({@link DockerCli}, {@link DockerSdk}), started the way a user's shell
 * would but sealed from this machine's user: no {@code DOCKER_*} or {@code PYTHON*} variable is inherited, the
 * client gets the given ones and a configuration directory of its own. Output goes to files rather than pipes, so a
 * client that hangs can be killed and still show what it printed. {@link #close} kills it if it still runs and
 * removes its directory. With {@code holdfast.it.slowCli} (the slow mode) every call first waits that long, as
 * {@link Cli}'s do.
 */
public final class ClientProcess implements AutoCloseable {
    private static final long SLOW_MILLIS = Long.getLong("holdfast.it.slowCli", 0);

    private final List<String> argv;
    private final Path scratch;
    private final Process process;

    private ClientProcess(List<String> argv, Path scratch, Process process) {
        this.argv = argv;
        this.scratch = scratch;
        this.process = process;
    }

    /** What the client printed and returned. */
    record Outcome(int exitCode, String out, String err) {
    }

    /**
     * Starts {@code argv} with {@code env} added and {@code configVariable} naming a fresh empty directory, and
     * writes {@code input} to its stdin, then closes it.
     */
    static ClientProcess start(List<String> argv, Map<String, String> env, String configVariable, byte[] input)
            throws Exception {
        return start(argv, env, configVariable, Map.of(), input);
    }

    /** {@link #start}, with {@code configFiles} (name to content: {@code config.json}) in the directory. */
    static ClientProcess start(List<String> argv, Map<String, String> env, String configVariable,
            Map<String, String> configFiles, byte[] input) throws Exception {
        Thread.sleep(SLOW_MILLIS);
        Path scratch = Files.createTempDirectory("hf-client-");
        try {
            Path config = Files.createDirectory(scratch.resolve("config"));
            for (Map.Entry<String, String> file : configFiles.entrySet()) {
                Files.writeString(config.resolve(file.getKey()), file.getValue());
            }
            ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(scratch.resolve("stdout").toFile())
                    .redirectError(scratch.resolve("stderr").toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("PYTHON"));
            builder.environment().putAll(env);
            builder.environment().put(configVariable, config.toString());
            ClientProcess client = new ClientProcess(argv, scratch, builder.start());
            try (OutputStream stdin = client.process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // the client closed its stdin without reading it all: its exit and output say why
            }
            return client;
        } catch (Exception e) {
            io.holdfast.common.io.Directories.deleteTree(scratch);
            throw e;
        }
    }

    /** Runs a call to its end: {@link #start}, {@link #await}, {@link #close}. */
    static Outcome run(List<String> argv, Map<String, String> env, String configVariable, byte[] input,
            Duration timeout) throws Exception {
        return run(argv, env, configVariable, Map.of(), input, timeout);
    }

    /** {@link #run}, with {@code configFiles} in the client's configuration directory. */
    static Outcome run(List<String> argv, Map<String, String> env, String configVariable,
            Map<String, String> configFiles, byte[] input, Duration timeout) throws Exception {
        try (ClientProcess client = start(argv, env, configVariable, configFiles, input)) {
            return client.await(timeout);
        }
    }

    /** What the client has printed to stdout so far. */
    public String outSoFar() throws IOException {
        return read("stdout");
    }

    /**
     * Waits for the client to end; fails with what it printed when it has not within {@code timeout}, after
     * killing it and whatever it started.
     */
    Outcome await(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError(String.join(" ", argv) + " did not end within " + timeout.toSeconds()
                    + " s and was killed\n--- stdout\n" + read("stdout") + "--- stderr\n" + read("stderr"));
        }
        return new Outcome(process.exitValue(), read("stdout"), read("stderr"));
    }

    private void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String read(String stream) throws IOException {
        Path file = scratch.resolve(stream);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        io.holdfast.common.io.Directories.deleteTree(scratch);
    }
}
