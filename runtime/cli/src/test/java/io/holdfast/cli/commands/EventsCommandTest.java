package io.holdfast.cli.commands;

import static io.holdfast.cli.FakeDaemon.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code holdfast events}: what it asks for and how it prints the stream. */
class EventsCommandTest {
    private static final String START = "{\"status\":\"start\",\"id\":\"c1\",\"from\":\"busybox\",\"Type\":\"container\","
            + "\"Action\":\"start\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"name\":\"web\",\"image\":\"busybox\"}},"
            + "\"scope\":\"local\",\"time\":1795600800,\"timeNano\":1795600800000000042}";
    private static final String DIE = "{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"c1\","
            + "\"Attributes\":{\"exitCode\":\"3\",\"name\":\"web\",\"image\":\"busybox\"}},\"scope\":\"local\","
            + "\"time\":1795600801,\"timeNano\":1795600801500000000}";

    @TempDir
    Path directory;

    private FakeDaemon daemon;
    private CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        daemon = new FakeDaemon(directory);
        cli = new CliRunner().env("HOLDFAST_HOST", daemon.uri());
        // streamed as the engine does: chunked, a line per event, then the last chunk when until is reached
        daemon.on("GET", "/events", (request, out) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            out.write(FakeDaemon.chunk((START + "\n").getBytes(StandardCharsets.UTF_8)));
            out.write(FakeDaemon.chunk((DIE + "\n").getBytes(StandardCharsets.UTF_8)));
            out.write(ascii("0\r\n\r\n"));
        });
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
        assertTrue(daemon.failures().isEmpty(), () -> "fake daemon failed: " + daemon.failures());
    }

    @Test
    void printsDockersDefaultLinesWithSortedAttributes() {
        CliRunner.Result result = cli.run("events", "--since", "1795600800", "--until", "1795600802.5");

        assertEquals(0, result.status(), result.err());
        assertEquals("""
                2026-11-25T10:00:00.000000042Z container start c1 (image=busybox, name=web)
                2026-11-25T10:00:01.500000000Z container die c1 (exitCode=3, image=busybox, name=web)
                """, result.out());
        assertEquals("/events?since=1795600800.000000000&until=1795600802.500000000",
                daemon.only("GET", "/events").target());
    }

    @Test
    void jsonFormatPrintsTheEnginesLines() {
        CliRunner.Result result = cli.run("events", "--format", "json");

        assertEquals(START + "\n" + DIE + "\n", result.out());
        assertEquals("/events", daemon.only("GET", "/events").target());
    }

    @Test
    void filtersAreSentAsDockersJson() {
        cli.run("events", "--filter", "type=container", "-f", "event=die", "-f", "event=start");

        String target = daemon.only("GET", "/events").target();
        assertEquals("{\"type\":[\"container\"],\"event\":[\"die\",\"start\"]}",
                URLDecoder.decode(target.substring(target.indexOf("filters=") + 8), StandardCharsets.UTF_8));
    }

    @Test
    void badTimesAndFiltersAreUsageErrors() {
        CliRunner.Result time = cli.run("events", "--since", "yesterday");
        assertEquals(2, time.status());
        assertTrue(time.err().startsWith("Invalid value for option '--since': \"yesterday\" is not a time"), time.err());

        CliRunner.Result filter = cli.run("events", "--filter", "nokey");
        assertEquals(2, filter.status());
        assertTrue(filter.err().contains("'nokey' is not of the form key=value"), filter.err());
        assertTrue(daemon.requests().isEmpty());
    }
}
