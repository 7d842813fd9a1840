package io.holdfast.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pull and load against the fake daemon: their progress as plain lines when the output is not a terminal, and a
 * message stream that ends before its last message (an engine killed midway) is a failure, never a success.
 */
class ProgressCommandsTest {
    private static final String LAYER_PROGRESS =
            "{\"status\":\"Loading layer\",\"progressDetail\":{\"current\":0,\"total\":2048},"
                    + "\"progress\":\"[>   ] 0B/2.05kB\",\"id\":\"0123456789ab\"}\n"
                    + "{\"status\":\"Loading layer\",\"progressDetail\":{\"current\":2048,\"total\":2048},"
                    + "\"progress\":\"[====] 2.05kB/2.05kB\",\"id\":\"0123456789ab\"}\n";

    @TempDir
    Path directory;

    private FakeDaemon daemon;
    private CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        daemon = new FakeDaemon(directory);
        cli = new CliRunner().env("HOLDFAST_HOST", daemon.uri());
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
        assertTrue(daemon.failures().isEmpty(), () -> "fake daemon failed: " + daemon.failures());
    }

    @Test
    void aPullPrintsEachLayersStatusOnce() {
        daemon.on("POST", "/images/create", FakeDaemon.json(200, "{\"status\":\"Pulling from hf/app\",\"id\":\"1\"}\n"
                + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1,\"total\":2},\"id\":\"abc\"}\n"
                + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":2,\"total\":2},\"id\":\"abc\"}\n"
                + "{\"status\":\"Pull complete\",\"id\":\"abc\"}\n"
                + "{\"status\":\"Status: Downloaded newer image for hf/app:1\"}\n"));

        CliRunner.Result result = cli.run("pull", "hf/app:1");

        assertEquals(new CliRunner.Result(0, "1: Pulling from hf/app\nabc: Downloading\nabc: Pull complete\n"
                + "Status: Downloaded newer image for hf/app:1\n", ""), result);
    }

    @Test
    void aPullWhoseStreamEndsBeforeItsStatusFails() {
        daemon.on("POST", "/images/create", FakeDaemon.json(200, "{\"status\":\"Pulling from hf/app\",\"id\":\"1\"}\n"
                + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1,\"total\":2},\"id\":\"abc\"}\n"));

        CliRunner.Result result = cli.run("pull", "hf/app:1");

        assertNotEquals(0, result.status(), result.toString());
        assertTrue(result.err().contains("ended before the pull finished"), result.err());
    }

    @Test
    void loadShowsEachLayerThenTheImagesLoaded() throws IOException {
        Path archive = Files.write(directory.resolve("app.tar"), new byte[4096]);
        daemon.on("POST", "/images/load", FakeDaemon.json(200, LAYER_PROGRESS
                + "{\"stream\":\"Loaded image: app:1\\n\"}\n"));

        CliRunner.Result result = cli.run("load", "-i", archive.toString());

        assertEquals(new CliRunner.Result(0, "0123456789ab: Loading layer\nLoaded image: app:1\n", ""), result);
        FakeDaemon.Request request = daemon.only("POST", "/images/load");
        assertEquals("/images/load", request.target(), "progress is asked for: no quiet=1");
        assertEquals(4096, request.body().length);
    }

    @Test
    void loadQuietAsksForNoProgressAndPrintsNothing() throws IOException {
        Path archive = Files.write(directory.resolve("app.tar"), "tar".getBytes(StandardCharsets.US_ASCII));
        daemon.on("POST", "/images/load", FakeDaemon.json(200, "{\"stream\":\"Loaded image: app:1\\n\"}\n"));

        CliRunner.Result result = cli.run("load", "-q", "-i", archive.toString());

        assertEquals(new CliRunner.Result(0, "", ""), result);
        assertEquals("/images/load?quiet=1", daemon.only("POST", "/images/load").target());
    }

    @Test
    void aLoadWhoseStreamEndsBeforeTheImageIsLoadedFails() throws IOException {
        Path archive = Files.write(directory.resolve("app.tar"), new byte[10]);
        daemon.on("POST", "/images/load", FakeDaemon.json(200, LAYER_PROGRESS));

        CliRunner.Result result = cli.run("load", "-i", archive.toString());

        assertNotEquals(0, result.status(), result.toString());
        assertTrue(result.err().contains("ended before the load finished"), result.err());
    }

    @Test
    void aLoadRefusedMidStreamFailsNamingWhy() throws IOException {
        Path archive = Files.write(directory.resolve("app.tar"), new byte[10]);
        daemon.on("POST", "/images/load", FakeDaemon.json(200, LAYER_PROGRESS
                + "{\"errorDetail\":{\"message\":\"invalid image archive: layer1/layer.tar: diff id mismatch\"},"
                + "\"error\":\"invalid image archive: layer1/layer.tar: diff id mismatch\"}\n"));

        CliRunner.Result result = cli.run("load", "-i", archive.toString());

        assertNotEquals(0, result.status(), result.toString());
        assertTrue(result.err().contains("layer1/layer.tar: diff id mismatch"), result.err());
    }
}
