package io.holdfast.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {

    @TempDir
    Path directory;

    private static FakeDaemon engineWithShell(Path directory) throws IOException {
        FakeDaemon daemon = new FakeDaemon(directory);
        daemon.on("POST", "/holdfast/shell/sessions/s1/exec", (request, response) -> {
            boolean good = request.bodyText().contains("\"good");
            FakeDaemon.json(200, good ? "{\"Out\":\"CONTAINER ID  NAMES\\nabc  web\\n\",\"Err\":\"\",\"Status\":0}"
                    : "{\"Out\":\"\",\"Err\":\"Command not found: bad\\n\",\"Status\":1}").respond(request, response);
        });
        daemon.on("POST", "/holdfast/shell/sessions", FakeDaemon.json(200, "{\"Id\":\"s1\"}\n"));
        daemon.on("DELETE", "/holdfast/shell/sessions/s1", FakeDaemon.noContent());
        return daemon;
    }

    @Test
    void linesRunInOrderAndTheFirstFailureEndsTheRunWithItsStatus() throws IOException {
        try (FakeDaemon daemon = engineWithShell(directory)) {
            CliRunner.Result result = new CliRunner().run("-H", daemon.uri(), "shell", "-c", "good one", "-c", "bad",
                    "-c", "good two");

            assertEquals(new CliRunner.Result(1, "CONTAINER ID  NAMES\nabc  web\n", "Command not found: bad\n"), result);
            List<String> lines = daemon.requests().stream().filter(r -> r.target().endsWith("/exec"))
                    .map(FakeDaemon.Request::bodyText).toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(daemon.requests().stream().anyMatch(r -> r.method().equals("DELETE")), "the session is closed");
        }
    }

    @Test
    void linesOnStandardInputRunLikeMinusC() throws IOException {
        try (FakeDaemon daemon = engineWithShell(directory)) {
            CliRunner.Result result = new CliRunner().stdin("good\n\n# a comment\ngood\n".getBytes(StandardCharsets.UTF_8))
                    .run("-H", daemon.uri(), "shell");

            assertEquals(0, result.status(), result.err());
            assertEquals("CONTAINER ID  NAMES\nabc  web\n".repeat(2), result.out());
        }
    }
}
