package io.holdfast.itests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/holdfast -H <engine> ...} as an operator would and captures what it prints. With the system property
 * {@code holdfast.it.slowCli} (milliseconds) every call first waits that long: the slow mode
 * ({@code scripts/test-slow.sh}) that proves no test depends on how fast the CLI is.
 */
public final class Cli {
    private static final long SLOW_MILLIS = Long.getLong("holdfast.it.slowCli", 0);
    private final String host;

    Cli(String host) {
        this.host = host;
    }

    /** What one command printed and returned. */
    public record Result(int exitCode, String out, String err) {
        public String line() {
            return out.strip();
        }
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(new byte[0], args);
    }

    /** Runs a command with {@code input} as its standard input (a pipe, not a terminal). */
    public Result runWithInput(byte[] input, String... args) throws IOException, InterruptedException {
        Thread.sleep(SLOW_MILLIS);
        List<String> argv = new ArrayList<>(List.of(Engine.HOME.resolve("bin/holdfast").toString(), "-H", host));
        argv.addAll(List.of(args));
        Path err = Files.createTempFile("hf-cli", ".err");
        try {
            Process p = new ProcessBuilder(argv).redirectError(err.toFile()).start();
            try (var stdin = p.getOutputStream()) {
                stdin.write(input);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("holdfast " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command that must succeed and returns its trimmed output. */
    public String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("holdfast " + String.join(" ", args) + " exited with " + r.exitCode() + ": "
                    + r.err() + r.out());
        }
        return r.line();
    }
}
