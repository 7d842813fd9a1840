package io.holdfast.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorOutputTest {

    @TempDir
    Path directory;

    @Test
    void daemonErrorIsOneLineAndStatusOne() throws IOException {
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            daemon.on("POST", "/containers/nope/stop", FakeDaemon.json(404, "{\"message\":\"No such container: nope\"}"));

            CliRunner.Result result = new CliRunner().run("-H", daemon.uri(), "stop", "nope");

            assertEquals(new CliRunner.Result(1, "", "Error response from daemon: No such container: nope\n"), result);
        }
    }

    @Test
    void runReportsDaemonErrorsWithDockersStatus125() throws IOException {
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            daemon.on("POST", "/containers/create", FakeDaemon.json(404, "{\"message\":\"No such image: nothing:latest\"}"));

            CliRunner.Result result = new CliRunner().env("HOLDFAST_HOST", daemon.uri()).run("run", "nothing");

            assertEquals(new CliRunner.Result(125, "", "Error response from daemon: No such image: nothing:latest\n"), result);
        }
    }

    @Test
    void errorWithoutJsonUsesTheRawBody() throws IOException {
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            daemon.on("GET", "/containers/json", FakeDaemon.text(500, "boom\nwith a second line\n"));

            CliRunner.Result result = new CliRunner().run("-H", daemon.uri(), "ps");

            assertEquals(new CliRunner.Result(1, "", "Error response from daemon: boom with a second line\n"), result);
        }
    }

    @Test
    void missingSocketSaysTheEngineIsNotRunning() {
        String host = "unix://" + directory.resolve("nothing.sock");

        CliRunner.Result result = new CliRunner().run("-H", host, "ps");

        assertEquals(new CliRunner.Result(1, "",
                "Cannot connect to the Holdfast engine at " + host + ": is holdfastd running?\n"), result);
    }

    @Test
    void hostComesFromTheEnvironmentWhenNoFlagIsGiven() {
        String host = "unix://" + directory.resolve("env.sock");

        CliRunner.Result result = new CliRunner().env("HOLDFAST_HOST", host).run("info");

        assertEquals("Cannot connect to the Holdfast engine at " + host + ": is holdfastd running?\n", result.err());
    }

    @Test
    void refusedConnectionOnAStaleSocketFileSaysTheSame() throws IOException {
        Path stale;
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            stale = daemon.socket();
        } // closed server: the socket file stays, connections are refused
        assertTrue(stale.toFile().exists());

        CliRunner.Result result = new CliRunner().run("-H", "unix://" + stale, "version");

        assertEquals(new CliRunner.Result(1, "",
                "Cannot connect to the Holdfast engine at unix://" + stale + ": is holdfastd running?\n"), result);
    }

    @Test
    void onlyUnixHostsAreAccepted() {
        CliRunner.Result result = new CliRunner().run("-H", "tcp://127.0.0.1:2375", "ps");

        assertEquals(2, result.status());
        assertEquals("invalid host 'tcp://127.0.0.1:2375': only unix:// sockets are supported, "
                + "e.g. unix:///run/holdfast.sock. See 'holdfast --help'.\n", result.err());
    }

    @Test
    void usageErrorIsOneLineWithAHintAndStatusTwo() {
        CliRunner.Result result = new CliRunner().run("stop", "--bogus", "c");

        assertEquals(new CliRunner.Result(2, "", "Unknown option: '--bogus'. See 'holdfast --help'.\n"), result);
    }

    @Test
    void unknownVerbIsAUsageError() {
        CliRunner.Result result = new CliRunner().run("frobnicate");

        assertEquals(2, result.status());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("'frobnicate'") && result.err().endsWith("See 'holdfast --help'.\n"), result.err());
    }

    @Test
    void oneMissingRefOfManyFailsOnlyThatRef() throws IOException {
        try (FakeDaemon daemon = new FakeDaemon(directory)) {
            daemon.on("DELETE", "/containers/a", FakeDaemon.noContent());
            daemon.on("DELETE", "/containers/b", FakeDaemon.json(404, "{\"message\":\"No such container: b\"}"));
            daemon.on("DELETE", "/containers/c", FakeDaemon.noContent());

            CliRunner.Result result = new CliRunner().run("-H", daemon.uri(), "rm", "-f", "a", "b", "c");

            assertEquals(new CliRunner.Result(1, "a\nc\n", "Error response from daemon: No such container: b\n"), result);
            assertEquals("/containers/a?force=1", daemon.only("DELETE", "/containers/a").target());
        }
    }
}
