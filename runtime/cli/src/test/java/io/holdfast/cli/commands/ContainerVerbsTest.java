package io.holdfast.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restart, rename, pause, unpause, top, stats and container prune against the fake daemon. */
class ContainerVerbsTest {

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
    void restartPauseUnpauseSendTheirVerbAndPrintEachRef() {
        daemon.on("POST", "/containers/", FakeDaemon.noContent());
        assertEquals(new CliRunner.Result(0, "web\n", ""), cli.run("restart", "-t", "3", "web"));
        assertEquals(new CliRunner.Result(0, "web\n", ""), cli.run("pause", "web"));
        assertEquals(new CliRunner.Result(0, "web\n", ""), cli.run("unpause", "web"));
        assertEquals(List.of("/containers/web/restart?t=3", "/containers/web/pause", "/containers/web/unpause"),
                daemon.requests().stream().map(FakeDaemon.Request::target).toList());
    }

    @Test
    void renameSendsTheNewNameAndAConflictIsReportedAsTheDaemonSaysIt() {
        daemon.on("POST", "/containers/web/rename", FakeDaemon.json(409, "{\"message\":\"Error when allocating new "
                + "name: Conflict. The container name \\\"/db\\\" is already in use\"}"));
        CliRunner.Result result = cli.run("rename", "web", "db");
        assertEquals(1, result.status());
        assertTrue(result.err().startsWith("Error response from daemon: Error when allocating new name"), result.err());
        assertEquals("/containers/web/rename?name=db", daemon.only("POST", "/containers/web/rename").target());
    }

    @Test
    void topPassesPsOptionsAndPrintsTheTable() {
        daemon.on("GET", "/containers/web/top", FakeDaemon.json(200, "{\"Titles\":[\"PID\",\"COMMAND\"],"
                + "\"Processes\":[[\"4242\",\"sleep 1000\"]]}"));
        CliRunner.Result result = cli.run("top", "web", "-o", "pid,comm");
        assertEquals(0, result.status(), result.err());
        assertEquals("PID       COMMAND\n4242      sleep 1000\n", result.out());
        assertEquals("/containers/web/top?ps_args=-o+pid%2Ccomm",
                daemon.only("GET", "/containers/web/top").target());
    }

    @Test
    void statsNoStreamPrintsDockersRow() {
        daemon.on("GET", "/containers/web/stats", FakeDaemon.json(200, "{\"id\":\"0123456789abcdef\",\"name\":\"/web\","
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":300000000},\"system_cpu_usage\":2000000000,"
                + "\"online_cpus\":2},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":100000000},"
                + "\"system_cpu_usage\":1000000000},\"memory_stats\":{\"usage\":3145728,\"limit\":1073741824,"
                + "\"stats\":{\"total_inactive_file\":1048576}},\"pids_stats\":{\"current\":3},"
                + "\"networks\":{\"eth0\":{\"rx_bytes\":1500,\"tx_bytes\":700}}}"));
        CliRunner.Result result = cli.run("stats", "--no-stream", "web");
        assertEquals(0, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).startsWith("CONTAINER ID   NAME "), lines.get(0));
        List<String> cells = List.of(lines.get(1).split(" {2,}"));
        assertEquals(List.of("0123456789ab", "web", "40.00%", "2MiB / 1GiB", "0.20%", "1.5kB / 700B", "0B / 0B", "3"),
                cells);
        assertEquals("/containers/web/stats?stream=0", daemon.only("GET", "/containers/web/stats").target());
    }

    @Test
    void containerPruneSendsFiltersAndPrintsWhatWasDeleted() {
        daemon.on("POST", "/containers/prune", FakeDaemon.json(200,
                "{\"ContainersDeleted\":[\"aaa\",\"bbb\"],\"SpaceReclaimed\":4096}"));
        CliRunner.Result result = cli.run("container", "prune", "-f", "--filter", "until=10m");
        assertEquals(0, result.status(), result.err());
        assertEquals("Deleted Containers:\naaa\nbbb\n\nTotal reclaimed space: 4.1kB\n", result.out());
        assertEquals("/containers/prune?filters=%7B%22until%22%3A%5B%2210m%22%5D%7D",
                daemon.only("POST", "/containers/prune").target());
    }
}
