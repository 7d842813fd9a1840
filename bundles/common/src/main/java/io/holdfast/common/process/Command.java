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

    /**
     * What a finished command returned and printed.
     *
     * @param output what it printed on stdout, then what it printed on stderr
     * @param stdout what it printed on stdout alone: what a parser reads, so a warning on stderr never corrupts it
     */
    public record Result(List<String> argv, int exitCode, String output, String stdout) {
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
        return run(argv, null, timeout, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #run(List, Duration)}, with {@code input} (UTF-8) on its stdin: {@code ip -batch -} reads its lines. */
    public static Result run(List<String> argv, String input, Duration timeout) throws IOException {
        return run(argv, input, timeout, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * How the output files of commands run by the JVM {@code pid} begin. They have a name only between their creation
     * and the start of the command; a JVM killed in that instant leaves them, and whoever knows the pid can sweep them.
     */
    public static String outputPrefix(long pid) {
        return "holdfast-cmd-" + pid + "-";
    }

    /**
     * As {@link #run(List, String, Duration)} ({@code input} may be null: stdin from /dev/null), with the nameless
     * input and output files made in {@code tempDir}.
     */
    static Result run(List<String> argv, String input, Duration timeout, Path tempDir) throws IOException {
        String prefix = outputPrefix(ProcessHandle.current().pid());
        Path stdin = input == null ? null : Files.writeString(Files.createTempFile(tempDir, prefix, ".in"), input);
        Path stdout = Files.createTempFile(tempDir, prefix, ".out");
        Path stderr = Files.createTempFile(tempDir, prefix, ".err");
        Process process;
        java.io.InputStream capturedOut;
        java.io.InputStream capturedErr;
        try {
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new java.io.File("/dev/null")
                            : stdin.toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            capturedOut = Files.newInputStream(stdout);
            capturedErr = Files.newInputStream(stderr);
        } finally {
            // nameless from here on: the files live through the open descriptors, and a JVM killed meanwhile
            // leaves none behind
            if (stdin != null) {
                Files.deleteIfExists(stdin);
            }
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
        try (capturedOut; capturedErr) {
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
            String out = new String(capturedOut.readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(capturedErr.readAllBytes(), StandardCharsets.UTF_8);
            return new Result(List.copyOf(argv), process.exitValue(), out + err, out);
        }
    }
}
