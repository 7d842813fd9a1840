package io.holdfast.cli.commands;

import static io.holdfast.cli.FakeDaemon.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.cli.CliRunner;
import io.holdfast.cli.FakeDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remaining verbs, each against the fake daemon: what they send and what they print. */
class VerbsTest {

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
    void psPrintsDockersTable() {
        long now = Instant.now().getEpochSecond();
        daemon.on("GET", "/containers/json", FakeDaemon.json(200, "[" +
                "{\"Id\":\"0123456789abcdef0123\",\"Names\":[\"/web\"],\"Image\":\"busybox\",\"ImageID\":\"sha256:ff\","
                + "\"Command\":\"sh -c 'while true; do sleep 1; done'\",\"Created\":" + (now - 5 * 3600)
                + ",\"State\":\"running\",\"Status\":\"Up 3 seconds\",\"Ports\":[{\"IP\":\"127.0.0.1\",\"PrivatePort\":80,"
                + "\"PublicPort\":8080,\"Type\":\"tcp\"},{\"PrivatePort\":443,\"Type\":\"tcp\"}]},"
                + "{\"Id\":\"fedcba9876543210fedc\",\"Names\":[\"/done\"],\"Image\":\"sha256:00112233445566778899\","
                + "\"Command\":\"true\",\"Created\":" + (now - 130) + ",\"State\":\"exited\",\"Status\":\"Exited (0) 2 seconds ago\"}]"));

        CliRunner.Result result = cli.run("ps", "-a");

        assertEquals(0, result.status(), result.err());
        assertEquals("""
                CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS                     PORTS                             NAMES
                0123456789ab   busybox        "sh -c 'while true; …"   5 hours ago     Up 3 seconds               127.0.0.1:8080->80/tcp, 443/tcp   web
                fedcba987654   001122334455   "true"                   2 minutes ago   Exited (0) 2 seconds ago                                     done
                """, result.out());
        assertEquals("/containers/json?all=1", daemon.only("GET", "/containers/json").target());
    }

    @Test
    void psQuietPrintsShortIdsOfRunningContainers() {
        daemon.on("GET", "/containers/json", FakeDaemon.json(200,
                "[{\"Id\":\"0123456789abcdef0123\",\"Names\":[\"/web\"]},{\"Id\":\"abcdefabcdefabcdef\"}]"));

        CliRunner.Result result = cli.run("ps", "-q");

        assertEquals(new CliRunner.Result(0, "0123456789ab\nabcdefabcdef\n", ""), result);
        assertEquals("/containers/json", daemon.only("GET", "/containers/json").target());
    }

    @Test
    void imagesListsOneRowPerTag() {
        long created = Instant.now().getEpochSecond() - 3 * 24 * 3600;
        daemon.on("GET", "/images/json", FakeDaemon.json(200, "[{\"Id\":\"sha256:abcdef0123456789abcdef\","
                + "\"RepoTags\":[\"busybox:latest\",\"localhost:5000/tools/bb:1.36\"],\"Created\":" + created
                + ",\"Size\":4261574},{\"Id\":\"sha256:99999999999999999999\",\"RepoTags\":[],\"Created\":" + created
                + ",\"Size\":0}]"));

        CliRunner.Result viaImages = cli.run("images");
        CliRunner.Result viaImageLs = cli.run("image", "ls");

        assertEquals("""
                REPOSITORY                TAG       IMAGE ID       CREATED      SIZE
                busybox                   latest    abcdef012345   3 days ago   4.26MB
                localhost:5000/tools/bb   1.36      abcdef012345   3 days ago   4.26MB
                <none>                    <none>    999999999999   3 days ago   0B
                """, viaImages.out());
        assertEquals(viaImages, viaImageLs);
    }

    @Test
    void imageImportStreamsStdinAndPrintsTheLastStatus() {
        byte[] tarball = "pretend this is a tar".getBytes(StandardCharsets.US_ASCII);
        daemon.on("POST", "/images/create", FakeDaemon.json(200,
                "{\"status\":\"importing\"}\r\n{\"status\":\"sha256:0a1b2c\"}\r\n"));

        CliRunner.Result result = cli.stdin(tarball).run("image", "import", "-", "busybox");

        assertEquals(new CliRunner.Result(0, "sha256:0a1b2c\n", ""), result);
        FakeDaemon.Request upload = daemon.only("POST", "/images/create");
        assertEquals("/images/create?fromSrc=-&repo=busybox&tag=latest", upload.target());
        assertEquals("chunked", upload.header("Transfer-Encoding"));
        assertEquals("application/x-tar", upload.header("Content-Type"));
        assertArrayEquals(tarball, upload.body());
    }

    @Test
    void imageImportSendsAFileWithItsLength() throws IOException {
        Path file = directory.resolve("rootfs.tar");
        Files.write(file, new byte[3000]);
        daemon.on("POST", "/images/create", FakeDaemon.json(200, "{\"status\":\"sha256:feed\"}"));

        CliRunner.Result result = cli.run("image", "import", file.toString(), "registry:5000/team/app:1.0");

        assertEquals(new CliRunner.Result(0, "sha256:feed\n", ""), result);
        FakeDaemon.Request upload = daemon.only("POST", "/images/create");
        assertEquals("/images/create?fromSrc=-&repo=registry%3A5000%2Fteam%2Fapp&tag=1.0", upload.target());
        assertEquals("3000", upload.header("Content-Length"));
        assertEquals(3000, upload.body().length);
    }

    @Test
    void imageTagSendsTheNameWithItsSlashesAndSplitsTheTag() {
        daemon.on("POST", "/images/", FakeDaemon.json(201, ""));

        assertEquals(0, cli.run("image", "tag", "team/app:1.0", "registry/team/app:2").status());
        assertEquals(0, cli.run("image", "tag", "busybox", "mine").status());

        assertEquals("/images/team/app:1.0/tag?repo=registry%2Fteam%2Fapp&tag=2", daemon.requests().get(0).target());
        assertEquals("/images/busybox/tag?repo=mine", daemon.requests().get(1).target());
    }

    @Test
    void imageImportReportsAnErrorMessageInTheStream() {
        daemon.on("POST", "/images/create", FakeDaemon.json(200, "{\"error\":\"not a tar archive\"}"));

        CliRunner.Result result = cli.stdin(new byte[] {1, 2, 3}).run("image", "import", "-", "x");

        assertEquals(new CliRunner.Result(1, "", "Error response from daemon: not a tar archive\n"), result);
    }

    @Test
    void imageRmPrintsUntaggedAndDeleted() {
        daemon.on("DELETE", "/images/busybox:latest", FakeDaemon.json(200,
                "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:abc\"}]"));

        CliRunner.Result result = cli.run("image", "rm", "busybox:latest");

        assertEquals(new CliRunner.Result(0, "Untagged: busybox:latest\nDeleted: sha256:abc\n", ""), result);
    }

    @Test
    void startTreatsAlreadyRunningAsSuccess() {
        daemon.on("POST", "/containers/web/start", (request, out) -> out.write(ascii("HTTP/1.1 304 Not Modified\r\n\r\n")));

        assertEquals(new CliRunner.Result(0, "web\n", ""), cli.run("start", "web"));
    }

    @Test
    void stopAndKillPassTheirOptions() {
        daemon.on("POST", "/containers/web/stop", FakeDaemon.noContent());
        daemon.on("POST", "/containers/web/kill", FakeDaemon.noContent());

        assertEquals(new CliRunner.Result(0, "web\n", ""), cli.run("stop", "-t", "2", "web"));
        assertEquals(new CliRunner.Result(0, "web\n", ""), cli.run("kill", "-s", "SIGUSR1", "web"));

        assertEquals("/containers/web/stop?t=2", daemon.only("POST", "/containers/web/stop").target());
        assertEquals("/containers/web/kill?signal=SIGUSR1", daemon.only("POST", "/containers/web/kill").target());
    }

    @Test
    void waitPrintsEachExitCode() {
        daemon.on("POST", "/containers/a/wait", FakeDaemon.json(200, "{\"StatusCode\":0}"));
        daemon.on("POST", "/containers/b/wait", FakeDaemon.json(200, "{\"StatusCode\":137}"));

        assertEquals(new CliRunner.Result(0, "0\n137\n", ""), cli.run("wait", "a", "b"));
    }

    @Test
    void inspectPrintsAnIndentedArray() {
        daemon.on("GET", "/containers/web/json", FakeDaemon.json(200,
                "{\"Id\":\"abc\",\"State\":{\"Status\":\"running\",\"Pid\":42},\"Args\":[]}"));

        CliRunner.Result result = cli.run("inspect", "web");

        assertEquals(new CliRunner.Result(0, """
                [
                    {
                        "Id": "abc",
                        "State": {
                            "Status": "running",
                            "Pid": 42
                        },
                        "Args": []
                    }
                ]
                """, ""), result);
    }

    @Test
    void refsAreEncodedAsOnePathSegment() {
        daemon.on("GET", "/containers/", FakeDaemon.json(404, "{\"message\":\"No such container\"}"));

        cli.run("inspect", "a b/c");

        assertEquals("/containers/a%20b%2Fc/json", daemon.requests().get(0).target());
    }

    @Test
    void logsPassesTailAndTimestamps() {
        daemon.on("GET", "/containers/web/logs", (request, out) -> out.write(FakeDaemon.withLength(200,
                "application/vnd.docker.multiplexed-stream", FakeDaemon.frame(1, "2025-01-01T00:00:00Z line\n"))));

        CliRunner.Result result = cli.run("logs", "--tail", "5", "-t", "web");

        assertEquals(new CliRunner.Result(0, "2025-01-01T00:00:00Z line\n", ""), result);
        assertEquals("/containers/web/logs?stdout=1&stderr=1&tail=5&timestamps=1",
                daemon.only("GET", "/containers/web/logs").target());
    }

    @Test
    void infoPrintsKeyValueLines() {
        daemon.on("GET", "/info", FakeDaemon.json(200, "{\"ID\":\"h1\",\"Name\":\"box\",\"ServerVersion\":\"0.1.0\","
                + "\"Containers\":3,\"ContainersRunning\":1,\"ContainersPaused\":0,\"ContainersStopped\":2,"
                + "\"Images\":1,\"Driver\":\"vfs\",\"LiveRestoreEnabled\":true,\"DefaultRuntime\":\"runc\","
                + "\"Runtimes\":{\"runc\":{\"path\":\"/usr/sbin/runc\"}},\"DockerRootDir\":\"/var/lib/holdfast\","
                + "\"KernelVersion\":\"6.1\",\"OperatingSystem\":\"Debian\",\"NCPU\":4,\"MemTotal\":8200000000}"));

        CliRunner.Result result = cli.run("info");

        assertEquals(0, result.status(), result.err());
        for (String line : new String[] {"Containers: 3", " Running: 1", " Paused: 0", " Stopped: 2", "Images: 1",
                "Storage Driver: vfs", "Default Runtime: runc", "Runtimes: runc", "Live Restore Enabled: true",
                "CPUs: 4", "Total Memory: 7.637GiB", "Holdfast Root Dir: /var/lib/holdfast"}) {
            assertTrue(result.out().lines().anyMatch(line::equals), () -> "missing '" + line + "' in\n" + result.out());
        }
    }

    @Test
    void versionShowsTheServersFields() {
        daemon.on("GET", "/version", FakeDaemon.json(200, "{\"Version\":\"0.1.0\",\"ApiVersion\":\"1.41\","
                + "\"Os\":\"linux\",\"Arch\":\"amd64\",\"KernelVersion\":\"6.1\",\"GitCommit\":\"abc123\"}"));

        CliRunner.Result result = cli.run("version");

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains(" API version:   1.41\n"), result.out());
        assertTrue(result.out().contains(" OS/Arch:       linux/amd64\n"), result.out());
        assertTrue(result.out().contains(" Git commit:    abc123\n"), result.out());
    }
}
