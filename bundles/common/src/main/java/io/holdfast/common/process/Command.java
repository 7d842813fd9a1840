package io.holdfast.common.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived helper program (runc, conmon's launcher) to completion and captures what it printed.
 *
 * <pre>{@code Command.Result r = Command.run(List.of("runc", "--root", root, "kill", id, "TERM"), Duration.ofSeconds(10));}</pre>
 */
public final class Command {
    private Command() {
    }

    /** What a finished command returned and printed (stdout and stderr together). */
    public record Result(List<String> argv, int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** A one-line description for error messages: the program, its exit code and its last output line. */
        public String describe() {
            String last = output.strip();
            int nl = last.lastIndexOf('\n');
            last = nl >= 0 ? last.substring(nl + 1) : last;
            String program = Path.of(argv.get(0)).getFileName().toString();
            return program + " exited with " + exitCode + (last.isEmpty() ? "" : ": " + last);
        }
    }

    /**
     * Runs {@code argv} with stdin from /dev/null; kills it and fails if it outlives {@code timeout}. Output goes to a
     * file, not a pipe: a program that daemonizes (conmon) leaves children holding the pipe open forever.
     */
    public static Result run(List<String> argv, Duration timeout) throws IOException {
        return run(argv, timeout, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #run(List, Duration)}, with the nameless output file made in {@code tempDir}. */
    static Result run(List<String> argv, Duration timeout, Path tempDir) throws IOException {
        Path output = Files.createTempFile(tempDir, "holdfast-cmd", ".out");
        Process process;
        java.io.InputStream captured;
        try {
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            captured = Files.newInputStream(output);
        } finally {
            // nameless from here on: the output lives through the open descriptors, and a JVM killed meanwhile
            // leaves no file behind
            Files.deleteIfExists(output);
        }
        try (captured) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s: " + argv);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + argv, e);
            }
            return new Result(List.copyOf(argv), process.exitValue(),
                    new String(captured.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
