package io.holdfast.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with captured streams, as a shell would but without a JVM per call. */
public final class CliRunner {

    public record Result(int status, String out, String err) {}

    private final Map<String, String> environment = new HashMap<>();
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);

    public CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public CliRunner stdin(byte[] bytes) {
        stdin = new ByteArrayInputStream(bytes);
        return this;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HoldfastCli.run(new Io(stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), environment, args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
