package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container verbs beyond the lifecycle (exit codes of failed starts, kill with any signal, restart, rename,
 * prune, pause/unpause, top, stats) through the holdfast CLI and the stock docker CLI, on one engine; one case kills
 * the engine with SIGKILL and checks what a restore keeps.
 */
@ExtendWith(EngineExtension.class)
class ContainerVerbsTest {
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);
    private static Engine engine;
    private static Cli cli;
    private static Api api;
    private static DockerCli docker;

    @BeforeAll
    static void useEngine(Engine shared) throws IOException {
        engine = shared;
        cli = engine.cli();
        api = engine.api();
        docker = DockerCli.of(engine);
    }

    /** A unique name, so the cases never collide on the shared engine. */
    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code docker create} + {@code docker start} (the 20.10 CLI's {@code run -d} waits on wait's headers). */
    private static String dockerStarted(String name, String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("create", "--name", name, "busybox"));
        args.addAll(List.of(command));
        String id = docker.ok(args.toArray(String[]::new));
        docker.ok("start", name);
        return id;
    }

    private static JsonNode state(String ref) throws IOException {
        return api.inspect(ref).path("State");
    }

    @Test
    void missingExecutableExits127AndNotExecutable126WithTheRuntimesMessage() throws Exception {
        String missing = name("exit127");
        docker.ok("create", "--name", missing, "busybox", "/no/such/binary");
        DockerCli.Result failed = docker.run("start", missing);
        assertEquals(1, failed.exitCode(), failed.out());
        assertTrue(failed.err().contains("no such file or directory"), failed.err());
        JsonNode s = state(missing);
        assertEquals(127, s.path("ExitCode").asInt());
        assertEquals("exited", s.path("Status").asText());
        assertTrue(s.path("Error").asText().contains("/no/such/binary"), s.toString());
        Api.Response again = api.request("POST", "/containers/" + missing + "/start");
        assertEquals(400, again.status(), "moby answers a command that is not there as the caller's mistake");
        assertTrue(again.body().contains("no such file or directory"), again.body());

        String notExecutable = cli.ok("create", "--name", name("exit126"), "busybox", "/bin");
        Cli.Result refused = cli.run("start", notExecutable);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("permission denied"), refused.err());
        assertEquals(126, state(notExecutable).path("ExitCode").asInt());
        assertTrue(state(notExecutable).path("Error").asText().contains("permission denied"));
        cli.ok("rm", missing, notExecutable);
    }

    @Test
    void killSendsAnySignalByNameNumberOrRealTimeNameAndRefusesUnknownOnes() throws Exception {
        String rt = cli.ok("run", "-d", "busybox", "sh", "-c", Cue.trap("35", "exit 7")
                + "while true; do usleep 20000; done");
        String usr1 = cli.ok("run", "-d", "busybox", "sh", "-c", Cue.trap("USR1", "exit 9")
                + "while true; do usleep 20000; done");
        Cue.awaitTrap(api, rt);
        Cue.awaitTrap(api, usr1);

        Cli.Result bogus = cli.run("kill", "-s", "BOGUS", usr1);
        assertEquals(1, bogus.exitCode());
        assertTrue(bogus.err().contains("Invalid signal: BOGUS"), bogus.err());
        Api.Response outOfRange = api.request("POST", "/containers/" + usr1 + "/kill?signal=RTMIN%2B16");
        assertEquals(400, outOfRange.status());
        assertTrue(outOfRange.body().contains("Invalid signal: RTMIN+16"), outOfRange.body());
        DockerCli.Result dockerBogus = docker.run("kill", "-s", "SIGNOPE", usr1);
        assertEquals(1, dockerBogus.exitCode());
        assertTrue(dockerBogus.err().contains("Invalid signal: SIGNOPE"), dockerBogus.err());
        assertTrue(state(usr1).path("Running").asBoolean(), "a refused signal is not sent");

        docker.ok("kill", "-s", "RTMIN+1", rt);
        assertEquals("7", cli.ok("wait", rt));
        cli.ok("kill", "-s", "sigusr1", usr1);
        assertEquals("9", cli.ok("wait", usr1));

        String plain = dockerStarted(name("kill9"), "sleep", "1000");
        docker.ok("kill", plain);
        JsonNode s = state(plain); // no wait: after kill returns, inspect already tells the truth
        assertFalse(s.path("Running").asBoolean(), s.toString());
        assertEquals("exited", s.path("Status").asText());
        assertEquals(137, s.path("ExitCode").asInt());
        cli.ok("rm", rt, usr1, plain);
    }

    @Test
    void restartGivesANewRunButNoPolicyRestart() throws Exception {
        String name = name("restart");
        String id = dockerStarted(name, "sleep", "1000");
        long first = api.pid(id);
        assertEquals(name, docker.ok("restart", "-t", "1", name));
        long second = api.pid(id);
        assertNotEquals(first, second);
        assertFalse(Await.alive(first));
        assertEquals("running", state(id).path("Status").asText());
        assertEquals(0, api.inspect(id).path("RestartCount").asInt(), "RestartCount counts policy restarts only");

        cli.ok("stop", "-t", "1", id);
        assertEquals(name, cli.ok("restart", name), "a stopped container is started");
        assertNotEquals(second, api.pid(id));
        assertTrue(state(id).path("Running").asBoolean());
        cli.ok("rm", "-f", id);
    }

    @Test
    void renameKeepsTheContainerAndRefusesATakenName() throws Exception {
        String old = name("old");
        String renamed = name("new");
        String taken = name("taken");
        String id = cli.ok("create", "--name", old, "busybox", "true");
        String other = cli.ok("create", "--name", taken, "busybox", "true");
        docker.ok("rename", old, renamed);
        assertEquals("/" + renamed, api.inspect(id).path("Name").asText());
        assertEquals(404, api.request("GET", "/containers/" + old + "/json").status());

        DockerCli.Result clash = docker.run("rename", renamed, taken);
        assertEquals(1, clash.exitCode());
        assertTrue(clash.err().contains("is already in use by container \\\"" + other)
                || clash.err().contains("is already in use by container \"" + other), clash.err());
        assertEquals(409, api.request("POST", "/containers/" + renamed + "/rename?name=" + taken).status());
        assertEquals(400, api.request("POST", "/containers/" + renamed + "/rename?name=bad%2Fname").status());
        assertEquals("/" + renamed, api.inspect(id).path("Name").asText(), "a refused rename changes nothing");

        String last = name("last");
        cli.ok("rename", id.substring(0, 12), last);
        assertEquals("/" + last, api.inspect(last).path("Name").asText());
        assertTrue(docker.ok("ps", "-a", "--format", "{{.Names}}").lines().anyMatch(last::equals));
        cli.ok("rm", id, other);
    }

    @Test
    void pruneRemovesStoppedContainersTheFiltersAcceptAndCountsTheirLayers() throws Exception {
        String early = cli.ok("create", "busybox", "true");
        String running = cli.ok("run", "-d", "busybox", "sleep", "1000");
        String lateName = name("late");
        Cli.Result wrote = cli.run("run", "--name", lateName, "busybox", "dd", "if=/dev/zero", "of=/written",
                "bs=1024", "count=200");
        assertEquals(0, wrote.exitCode(), wrote.err());
        String late = api.inspect(lateName).path("Id").asText();
        assertEquals("exited", state(late).path("Status").asText());

        Instant lateCreated = Instant.parse(api.inspect(late).path("Created").asText());
        String until = lateCreated.minusNanos(1).getEpochSecond() + "."
                + String.format("%09d", lateCreated.minusNanos(1).getNano());
        Api.Response pruned = api.request("POST", "/containers/prune?filters="
                + java.net.URLEncoder.encode("{\"until\":[\"" + until + "\"]}", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, pruned.status(), pruned.body());
        List<String> deleted = new java.util.ArrayList<>();
        pruned.json().path("ContainersDeleted").forEach(n -> deleted.add(n.asText()));
        assertTrue(deleted.contains(early), pruned.body());
        assertFalse(deleted.contains(late), "created after until: kept");
        assertFalse(deleted.contains(running), "running: kept");

        String keeper = docker.ok("create", "--label", "keep=yes", "busybox", "true");
        String labelled = docker.ok("create", "--label", "tier=test", "busybox", "true");
        String onlyLabelled = docker.ok("container", "prune", "-f", "--filter", "label=tier=test");
        assertTrue(onlyLabelled.contains(labelled) && !onlyLabelled.contains(late), onlyLabelled);
        String out = docker.ok("container", "prune", "-f", "--filter", "label!=keep");
        assertTrue(out.startsWith("Deleted Containers:"), out);
        assertTrue(out.contains(late), out);
        assertFalse(out.contains(running), out);
        assertFalse(out.contains(keeper), "label!=keep keeps it: " + out);
        cli.ok("rm", keeper);
        var space = java.util.regex.Pattern.compile("Total reclaimed space: ([\\d.]+)(B|kB|MB)").matcher(out);
        assertTrue(space.find(), out);
        double reclaimed = Double.parseDouble(space.group(1))
                * Map.of("B", 1, "kB", 1000, "MB", 1_000_000).get(space.group(2));
        assertTrue(reclaimed >= 200_000, "the 200 KiB the container wrote: " + out);
        assertEquals(404, api.request("GET", "/containers/" + late + "/json").status());
        assertTrue(state(running).path("Running").asBoolean());
        cli.ok("rm", "-f", running);
    }

    @Test
    void pauseFreezesUnpauseThawsAndStopOrKillEndAPausedContainer() throws Exception {
        String name = name("pause");
        String id = dockerStarted(name, "sleep", "1000");
        long pid = api.pid(id);
        docker.ok("pause", name);
        JsonNode s = state(id);
        assertEquals("paused", s.path("Status").asText());
        assertTrue(s.path("Paused").asBoolean());
        assertTrue(s.path("Running").asBoolean());
        assertEquals("FROZEN", freezerState(pid));
        assertTrue(docker.ok("ps", "--format", "{{.Names}} {{.Status}}").lines()
                .anyMatch(l -> l.startsWith(name + " Up") && l.endsWith("(Paused)")), "docker ps says Paused");
        assertEquals(409, api.request("POST", "/containers/" + id + "/start").status());
        assertEquals(409, api.request("POST", "/containers/" + id + "/pause").status());
        assertEquals(409, api.request("DELETE", "/containers/" + id).status());

        docker.ok("unpause", name);
        assertEquals("running", state(id).path("Status").asText());
        assertFalse(state(id).path("Paused").asBoolean());
        assertEquals("THAWED", freezerState(pid));
        assertEquals(409, api.request("POST", "/containers/" + id + "/unpause").status());

        cli.ok("pause", id);
        docker.ok("stop", "-t", "1", name);
        s = state(id);
        assertEquals("exited", s.path("Status").asText(), "stop ends a paused container, as Docker's does");
        assertFalse(s.path("Paused").asBoolean());

        docker.ok("start", name);
        cli.ok("pause", name);
        docker.ok("kill", name);
        s = state(id);
        assertFalse(s.path("Running").asBoolean(), s.toString());
        assertEquals(137, s.path("ExitCode").asInt());
        cli.ok("rm", id);
    }

    @Test
    void aRestoreAfterKill9KeepsPausesNamesAndStartFailures() throws Exception {
        String paused = dockerStarted(name("paused"), "sleep", "1000");
        long pausedPid = api.pid(paused);
        docker.ok("pause", paused);
        String frozenWhileDown = dockerStarted(name("frozen"), "sleep", "1000");
        String before = name("before");
        String after = name("after");
        String renamed = cli.ok("create", "--name", before, "busybox", "true");
        docker.ok("rename", before, after);
        String failed = cli.ok("create", "busybox", "/no/such/binary");
        assertEquals(1, cli.run("start", failed).exitCode());
        String error = state(failed).path("Error").asText();

        Path runtimeRoot = engine.execRoot().resolve("runtime").resolve(api.inspect(frozenWhileDown)
                .path("HostConfig").path("Runtime").asText());
        engine.kill9();
        // an operator froze this one with runc while the engine was down: the record says running, the freezer not
        Process runc = new ProcessBuilder("runc", "--root", runtimeRoot.toString(), "pause", frozenWhileDown)
                .redirectErrorStream(true).start();
        assertEquals(0, runc.waitFor(), new String(runc.getInputStream().readAllBytes()));
        engine.start();

        JsonNode s = state(paused);
        assertEquals("paused", s.path("Status").asText(), "the restore neither thaws nor relabels it");
        assertEquals(pausedPid, s.path("Pid").asLong(), "nor restarts it");
        assertEquals("FROZEN", freezerState(pausedPid));
        assertEquals("paused", state(frozenWhileDown).path("Status").asText(), "the freezer is the truth");
        assertEquals("/" + after, api.inspect(after).path("Name").asText());
        assertEquals(renamed, api.inspect(after).path("Id").asText());
        assertEquals(127, state(failed).path("ExitCode").asInt());
        assertEquals(error, state(failed).path("Error").asText());

        docker.ok("unpause", paused);
        cli.ok("unpause", frozenWhileDown);
        assertEquals("THAWED", freezerState(pausedPid));
        assertEquals("running", state(paused).path("Status").asText());
        cli.ok("rm", "-f", paused, frozenWhileDown, renamed, failed);
    }

    @Test
    void topListsTheContainersProcessesWithPsOptions() throws Exception {
        String name = name("top");
        dockerStarted(name, "sh", "-c", "sleep 1001 & exec sleep 1000");
        Await.until("both sleeps to run", STATE_TIMEOUT,
                () -> docker.ok("top", name).contains("sleep 1001"));
        List<String> lines = docker.ok("top", name).lines().toList();
        assertTrue(lines.get(0).matches("UID\\s+PID\\s+PPID\\s+C\\s+STIME\\s+TTY\\s+TIME\\s+CMD"), lines.get(0));
        assertEquals(3, lines.size(), "the two sleeps and nothing of the host: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("sleep 1000")), lines.toString());

        List<String> custom = cli.ok("top", name, "-o", "pid,comm").lines().toList();
        assertTrue(custom.get(0).matches("PID\\s+COMMAND"), custom.get(0));
        String initPid = String.valueOf(api.pid(name));
        assertTrue(custom.stream().anyMatch(l -> l.strip().split("\\s+")[0].equals(initPid)), custom + " has " + initPid);
        assertEquals(409, api.request("GET", "/containers/" + cli.ok("create", "busybox", "true") + "/top").status());
        cli.ok("rm", "-f", name);
    }

    @Test
    void statsReadTheCgroupInDockersShapeAndTheStockCliPrintsASaneRow() throws Exception {
        String name = name("stats");
        String id = dockerStarted(name, "sleep", "1000");
        JsonNode stats = api.request("GET", "/containers/" + id + "/stats?stream=0").json();
        assertEquals("/" + name, stats.path("name").asText());
        assertTrue(stats.path("cpu_stats").path("system_cpu_usage").asLong() > 0, stats.toString());
        assertTrue(stats.path("cpu_stats").path("online_cpus").asInt() >= 1, stats.toString());
        assertTrue(stats.path("precpu_stats").path("system_cpu_usage").asLong() > 0, "stream=0 sets precpu");
        assertTrue(stats.path("memory_stats").path("usage").asLong() > 0, stats.toString());
        assertTrue(stats.path("memory_stats").path("limit").asLong() > 0, stats.toString());
        assertTrue(stats.path("memory_stats").path("stats").size() > 0, stats.toString());
        assertEquals(1, stats.path("pids_stats").path("current").asInt(), stats.toString());
        JsonNode oneShot = api.request("GET", "/containers/" + id + "/stats?stream=0&one-shot=1").json();
        assertFalse(oneShot.path("precpu_stats").has("system_cpu_usage"), oneShot.toString());

        List<JsonNode> streamed = streamedStats(id, 2);
        assertEquals(0, streamed.get(0).path("precpu_stats").path("system_cpu_usage").asLong(), "nothing before");
        assertEquals(streamed.get(0).path("cpu_stats"), streamed.get(1).path("precpu_stats"),
                "each sample's precpu is the one before");

        List<String> table = docker.ok("stats", "--no-stream", name).lines().toList();
        assertEquals(2, table.size(), table.toString());
        assertTrue(table.get(0).startsWith("CONTAINER ID"), table.get(0));
        String row = table.get(1);
        assertTrue(row.startsWith(id.substring(0, 12)) && row.contains(name), row);
        assertTrue(row.matches(".*\\d+\\.\\d+%\\s+[\\d.]+[KMG]?i?B / [\\d.]+[KMGT]iB\\s+\\d+\\.\\d+%.*\\s1$"), row);
        List<String> ours = cli.ok("stats", "--no-stream", name).lines().toList();
        assertTrue(ours.get(1).contains(name) && ours.get(1).endsWith(" 1"), ours.toString());
        cli.ok("rm", "-f", id);
        assertEquals(409, api.request("GET", "/containers/" + cli.ok("create", "busybox", "true")
                + "/stats?stream=0").status());
    }

    @Test
    void theNewerDockerClientDrivesTheVerbsToo() throws Exception {
        DockerCli newer = docker.newer().orElseThrow(() -> new AssertionError(DockerCli.NEWER + " is not installed"));
        String name = name("newer");
        String id = newer.ok("create", "--name", name, "busybox", "sleep", "1000");
        newer.ok("start", name);
        newer.ok("pause", name);
        assertEquals("paused", newer.ok("inspect", "--format", "{{.State.Status}}", name));
        newer.ok("unpause", name);
        assertTrue(newer.ok("top", name).contains("sleep 1000"));
        String row = newer.ok("stats", "--no-stream", name).lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.contains(name) && row.endsWith(" 1"), row);
        String renamed = name("newer-renamed");
        newer.ok("rename", name, renamed);
        long pid = api.pid(id);
        newer.ok("restart", "-t", "1", renamed);
        assertNotEquals(pid, api.pid(id));
        newer.ok("kill", "-s", "SIGKILL", renamed);
        assertEquals(137, state(id).path("ExitCode").asInt());
        newer.ok("rm", renamed);
    }

    @Test
    void dockerCpCopiesFilesAndDirectoriesBothWaysAndExportHoldsTheRootFileSystem() throws Exception {
        Path host = Files.createDirectories(engine.root().resolve(name("cp-host")));
        Files.writeString(host.resolve("hello.txt"), "hello from the host\n");
        Files.createDirectories(host.resolve("dir/sub"));
        Files.writeString(host.resolve("dir/sub/a.txt"), "a\n");
        String name = name("cp");
        String id = docker.ok("create", "--name", name, "busybox", "sh", "-c",
                "cat /hello.txt /tmp/dir/sub/a.txt /renamed/sub/a.txt");
        docker.ok("cp", host.resolve("hello.txt").toString(), name + ":/hello.txt");
        docker.ok("cp", host.resolve("dir").toString(), name + ":/tmp/");
        cli.ok("cp", host.resolve("dir").toString(), name + ":/renamed");
        docker.ok("start", name);
        assertEquals(0, Integer.parseInt(cli.ok("wait", name)), cli.run("logs", name).err());
        assertEquals(List.of("hello from the host", "a", "a"), api.logLines(name, ""));

        Path back = Files.createDirectories(engine.root().resolve(name("cp-back")));
        docker.ok("cp", name + ":/hello.txt", back.resolve("copy.txt").toString());
        assertEquals("hello from the host\n", Files.readString(back.resolve("copy.txt")));
        docker.ok("cp", name + ":/tmp/dir", back.toString());
        assertEquals("a\n", Files.readString(back.resolve("dir/sub/a.txt")));
        cli.ok("cp", name + ":/renamed", back.resolve("ours").toString());
        assertEquals("a\n", Files.readString(back.resolve("ours/sub/a.txt")));
        DockerCli.Result missing = docker.run("cp", name + ":/no/such/file", back.toString());
        assertEquals(1, missing.exitCode());
        // the CLI learns of it from HEAD's 404 (no body) and words it itself, as against dockerd
        assertTrue(missing.err().contains("No such container:path: " + name + ":/no/such/file"), missing.err());

        Path exported = back.resolve("export.tar");
        docker.ok("export", "-o", exported.toString(), name);
        Process list = new ProcessBuilder("tar", "-tf", exported.toString()).start();
        List<String> entries = new String(list.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, list.waitFor());
        assertTrue(entries.containsAll(List.of("bin/busybox", "hello.txt", "tmp/dir/sub/a.txt")), entries.toString());
        Path ours = back.resolve("ours.tar");
        cli.ok("export", "-o", ours.toString(), id);
        assertEquals(Files.size(exported), Files.size(ours), "the same tree, the same tar");
        cli.ok("rm", id);
    }

    @Test
    void anArchiveThatClimbsOutOfTheContainerIsRefusedAndWritesNothing() throws Exception {
        String id = cli.ok("create", "busybox", "true");
        Path dir = Files.createDirectories(engine.root().resolve(name("evil")));
        Files.writeString(dir.resolve("x"), "x");
        Path tar = dir.resolve("evil.tar");
        Process p = new ProcessBuilder("tar", "-C", dir.toString(), "-cf", tar.toString(), "-P",
                "--transform=s|^x|../../../../escaped-by-holdfast-cp|", "x").start();
        assertEquals(0, p.waitFor());
        Api.Response refused = api.request("PUT", "/containers/" + id + "/archive?path=/tmp", Files.readAllBytes(tar));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("escaped-by-holdfast-cp"), refused.body());
        Path rootfs = Path.of(api.inspect(id).path("GraphDriver").path("Data").path("RootDir").asText());
        for (Path up = rootfs; up != null; up = up.getParent()) {
            assertFalse(Files.exists(up.resolve("escaped-by-holdfast-cp")), "nothing written at " + up);
        }
        assertEquals(404, api.request("HEAD", "/containers/" + id + "/archive?path=/nope").status());
        cli.ok("rm", id);
    }

    /** The first {@code count} documents of {@code GET /containers/{id}/stats} (a stream), read off the socket. */
    private static List<JsonNode> streamedStats(String id, int count) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<JsonNode> documents = new java.util.ArrayList<>();
        try (var channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(
                engine.host().substring("unix://".length())))) {
            channel.write(java.nio.ByteBuffer.wrap(("GET /v1.41/containers/" + id + "/stats HTTP/1.1\r\n"
                    + "Host: holdfast\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            var in = java.nio.channels.Channels.newInputStream(channel);
            StringBuilder line = new StringBuilder();
            for (int b; documents.size() < count && (b = in.read()) >= 0; ) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String text = line.toString().strip();
                line.setLength(0);
                if (text.startsWith("{")) { // chunk sizes and headers are the other lines
                    documents.add(mapper.readTree(text));
                }
            }
        }
        assertEquals(count, documents.size(), "the stream ended early");
        return documents;
    }

    /** The container's v1 freezer state (FROZEN, THAWED), from its init process's cgroup. */
    private static String freezerState(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && List.of(fields[1].split(",")).contains("freezer")) {
                return Files.readString(Path.of("/sys/fs/cgroup", fields[1], fields[2], "freezer.state")).strip();
            }
            if (fields.length == 3 && fields[0].equals("0") && Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
                return Files.readString(Path.of("/sys/fs/cgroup", fields[2], "cgroup.freeze")).strip().equals("1")
                        ? "FROZEN" : "THAWED";
            }
        }
        throw new IOException("no freezer cgroup for process " + pid);
    }
}
