package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stock docker CLI (Debian's docker.io client, 20.10), unchanged, drives a running engine: every scenario runs
 * {@code /usr/bin/docker} with {@code DOCKER_HOST} set to the engine's socket and checks what it prints, as a user
 * would read it. One engine for the class; each scenario names its containers after itself.
 */
@ExtendWith(EngineExtension.class)
class DockerCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXIT = Duration.ofSeconds(120);
    private static Engine engine;
    private static DockerCli docker;
    private static Api api;

    @BeforeAll
    static void useEngine(Engine shared) {
        engine = shared;
        docker = DockerCli.of(engine);
        api = engine.api();
    }

    private static String seconds(Instant time) {
        return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
    }

    /** The {@code ps} line of one container, by full id: {@code "<id> <name> <status>"}, if it is listed. */
    private static Optional<String> psLine(String id, String... flags) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("ps", "--no-trunc", "--format",
                "{{.ID}} {{.Names}} {{.Status}}"));
        args.addAll(List.of(flags));
        return docker.run(args.toArray(String[]::new)).lines().stream().filter(l -> l.startsWith(id + " "))
                .findFirst();
    }

    @Test
    void versionShowsDebiansClientAndTheEngineOnApi141() throws Exception {
        String[] parts = docker.ok("version", "--format", "{{.Client.Version}}|{{.Client.APIVersion}}|"
                + "{{.Server.Version}}|{{.Server.APIVersion}}|{{.Server.MinAPIVersion}}|{{.Server.Os}}").split("\\|");
        assertTrue(parts[0].startsWith("20.10."), "Debian's client: " + parts[0]);
        assertEquals("1.41", parts[1]);
        assertEquals(api.request("GET", "/version").json().path("Version").asText(), parts[2]);
        assertEquals(List.of("1.41", "1.24", "linux"), List.of(parts[3], parts[4], parts[5]));

        Optional<DockerCli> newer = docker.newer();
        if (newer.isPresent()) { // a 28.x client negotiates down to the engine's API version
            assertEquals("1.41 1.41", newer.get().ok("version", "--format",
                    "{{.Client.APIVersion}} {{.Server.APIVersion}}"));
        }
    }

    @Test
    void infoReportsLiveRestoreTheStorageDriverAndTheDataRoot() throws Exception {
        JsonNode info = api.request("GET", "/info").json();
        assertEquals("true|" + info.path("Driver").asText() + "|runc|" + engine.dataRoot(),
                docker.ok("info", "--format", "{{.LiveRestoreEnabled}}|{{.Driver}}|{{.DefaultRuntime}}|"
                        + "{{.DockerRootDir}}"));
        assertTrue(Integer.parseInt(docker.ok("info", "--format", "{{.Images}}")) >= 1, "busybox is there");
    }

    @Test
    void createStartStopAndRemoveShowInPs() throws Exception {
        String id = docker.ok("create", "--name", "cli-life", "busybox", "sleep", "1000");
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertEquals(id + " cli-life Created", psLine(id, "-a").orElseThrow());
        assertTrue(psLine(id).isEmpty(), "ps without -a lists running containers only");

        assertEquals("cli-life", docker.ok("start", "cli-life"));
        assertTrue(psLine(id).orElseThrow().startsWith(id + " cli-life Up "), psLine(id).toString());
        String[] state = docker.ok("inspect", "-f", "{{.State.Running}} {{.State.Pid}}", "cli-life").split(" ");
        assertEquals("true", state[0]);
        assertTrue(Await.alive(Long.parseLong(state[1])), "the container's process " + state[1] + " runs");

        // sleep is pid 1 of its namespace and has no SIGTERM handler: the stop timeout ends in SIGKILL
        assertEquals("cli-life", docker.ok("stop", "-t", "1", "cli-life"));
        assertEquals("exited 137 false", docker.ok("inspect", "-f",
                "{{.State.Status}} {{.State.ExitCode}} {{.State.Running}}", id));
        assertTrue(psLine(id).isEmpty());
        assertTrue(psLine(id, "-a").orElseThrow().startsWith(id + " cli-life Exited (137) "));

        assertEquals("cli-life", docker.ok("rm", "cli-life"));
        assertFalse(docker.ok("ps", "-a", "-q", "--no-trunc").contains(id));
    }

    @Test
    void runDetachedPrintsTheIdOfARunningContainer() throws Exception {
        // the CLI waits for the wait's headers before it starts the container: they must come at once
        String id = docker.ok("run", "-d", "--name", "cli-run-d", "busybox", "sleep", "1000");
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertEquals("running", docker.ok("inspect", "-f", "{{.State.Status}}", id));
        assertTrue(Await.alive(api.pid(id)));
        docker.ok("rm", "-f", id);
    }

    @Test
    void foregroundRunPrintsBothStreamsAndExitsWithTheContainersCode() throws Exception {
        DockerCli.Result run = docker.run("run", "--rm", "--name", "cli-run-fg", "busybox", "sh", "-c",
                "echo hello; echo oops >&2; exit 5");
        assertEquals(5, run.exitCode(), run.toString());
        assertEquals("hello\n", run.out());
        assertEquals("oops\n", run.err());
        Await.until("--rm to remove the container", EXIT, () -> docker.run("ps", "-a", "--format", "{{.Names}}")
                .lines().stream().noneMatch("cli-run-fg"::equals));
    }

    @Test
    void runInteractiveFeedsTheClientsStdinToTheContainer() throws Exception {
        DockerCli.Result run = docker.runWithInput("first\nsecond\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "run", "-i", "--rm", "busybox", "sh", "-c", "read a; read b; echo got $a $b; exit 2");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("got first second\n", run.out());
    }

    @Test
    void runOfAMissingExecutableExitsWith127AndSaysWhy() throws Exception {
        DockerCli.Result run = docker.run("run", "--name", "cli-run-127", "busybox", "no-such-command");
        assertEquals(127, run.exitCode(), run.toString());
        // the CLI picks 127 from the start error's text, which must say what Docker's says
        assertTrue(run.err().contains("\"no-such-command\": executable file not found"), run.toString());
        assertEquals("127", docker.ok("inspect", "-f", "{{.State.ExitCode}}", "cli-run-127"));
        docker.ok("rm", "cli-run-127");
    }

    @Test
    void hardenedRunIsHardenedInsideTheContainer() throws Exception {
        DockerCli.Result run = docker.run("run", "--rm", "--user", "1000:1000", "--cap-drop", "ALL", "--read-only",
                "--workdir", "/tmp", "busybox", "sh", "-c",
                "id -u; id -g; pwd; grep CapEff /proc/self/status; touch /probe 2>&1; echo touch=$?");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("1000", "1000", "/tmp", "CapEff:\t0000000000000000",
                "touch: /probe: Read-only file system", "touch=1"), run.lines());
    }

    @Test
    void execRunsInTheContainerWithItsOwnUserDirectoryAndEnvironment() throws Exception {
        String id = docker.ok("run", "-d", "--name", "cli-exec", "busybox", "sleep", "1000");
        DockerCli.Result exec = docker.run("exec", "cli-exec", "sh", "-c", "echo out; echo err >&2; exit 7");
        assertEquals(7, exec.exitCode(), exec.toString());
        assertEquals("out\n", exec.out());
        assertEquals("err\n", exec.err());

        assertEquals("1000\n/bin\nbar", docker.ok("exec", "-u", "1000", "-w", "/bin", "-e", "FOO=bar", "cli-exec",
                "sh", "-c", "id -u; pwd; echo $FOO"));
        assertEquals("", docker.ok("exec", "-d", "cli-exec", "sh", "-c", "echo detached > /tmp/marker"));
        Await.until("the detached exec to write its marker", EXIT,
                () -> docker.run("exec", "cli-exec", "cat", "/tmp/marker").out().equals("detached\n"));

        // the code is not asserted: Holdfast answers 127, moby 126 for any exec that cannot start (docs say so)
        DockerCli.Result missing = docker.run("exec", "cli-exec", "no-such-command");
        assertTrue(missing.exitCode() != 0 && (missing.out() + missing.err()).contains("executable file not found"),
                missing.toString());

        docker.ok("stop", "-t", "0", id);
        DockerCli.Result stopped = docker.run("exec", "cli-exec", "true");
        assertEquals(1, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.err().contains("is not running"), stopped.toString());
        docker.ok("rm", id);
    }

    @Test
    void runDetachedWithRmRemovesTheContainerWhenItEnds() throws Exception {
        String id = docker.ok("run", "-d", "--rm", "--name", "cli-run-rm", "busybox", "sh", "-c", Cue.exitOnCue(0));
        assertEquals("true", docker.ok("inspect", "-f", "{{.HostConfig.AutoRemove}}", id));
        long pid = api.pid(id);
        Await.until("the container to end on its cue", EXIT, () -> {
            new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
            return !Await.alive(pid);
        });
        Await.until("the container to be removed", EXIT,
                () -> api.request("GET", "/containers/" + id + "/json").status() == 404);
        assertFalse(docker.ok("ps", "-a", "-q", "--no-trunc").contains(id));
    }

    @Test
    void killSendsTheSignalAndWaitPrintsTheExitCode() throws Exception {
        String id = docker.ok("create", "--name", "cli-kill", "busybox", "sh", "-c",
                Cue.trap("USR1", "exit 9") + "while true; do sleep 0.1; done");
        docker.ok("start", id);
        Cue.awaitTrap(api, id); // a USR1 before the trap would be dropped
        assertEquals("cli-kill", docker.ok("kill", "-s", "USR1", "cli-kill"));
        assertEquals("9", docker.ok("wait", "cli-kill"));
        assertEquals("9", docker.ok("inspect", "-f", "{{.State.ExitCode}}", id));

        DockerCli.Result again = docker.run("kill", "cli-kill");
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("is not running"), again.toString());
        docker.ok("rm", id);
    }

    @Test
    void logsKeepStdoutAndStderrApartAndHonourTailAndTimestamps() throws Exception {
        String id = docker.ok("create", "--name", "cli-logs", "busybox", "sh", "-c",
                "echo out1; echo err1 >&2; echo out2; echo out3");
        docker.ok("start", id);
        assertEquals("0", docker.ok("wait", id));

        DockerCli.Result logs = docker.run("logs", "cli-logs");
        assertEquals(0, logs.exitCode(), logs.toString());
        assertEquals("out1\nout2\nout3\n", logs.out(), "the container's stdout on the client's stdout");
        assertEquals("err1\n", logs.err(), "and its stderr on stderr");


        List<String> stamped = docker.run("logs", "-t", "cli-logs").lines();
        assertEquals(3, stamped.size(), stamped.toString());
        for (String line : stamped) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z out\\d"), line);
        }
        docker.ok("rm", id);

        // --tail counts the lines of both streams; one stream alone keeps the order certain
        String counter = docker.ok("create", "busybox", "sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done");
        docker.ok("start", counter);
        assertEquals("0", docker.ok("wait", counter));
        DockerCli.Result tail = docker.run("logs", "--tail", "2", counter);
        assertEquals("line 4\nline 5\n", tail.out(), tail.toString());
        docker.ok("rm", counter);
    }

    @Test
    void logsSinceAndUntilSelectByTheTimeEachLineWasWritten() throws Exception {
        String id = docker.ok("run", "-d", "--name", "cli-logs-window", "busybox", "sh", "-c",
                "echo one; " + Cue.untilCue() + "echo two");
        Await.until("the first line", EXIT, () -> api.logLines(id, "").contains("one"));
        long pid = api.pid(id);
        Await.until("the container to end on its cue", EXIT, () -> {
            new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
            return !Await.alive(pid);
        });
        List<String> stamped = docker.run("logs", "-t", id).lines();
        assertEquals(2, stamped.size(), stamped.toString());
        String first = stamped.get(0).split(" ")[0];
        String second = stamped.get(1).split(" ")[0];
        assertTrue(Instant.parse(first).isBefore(Instant.parse(second)), stamped.toString());
        assertEquals("two", docker.ok("logs", "--since", second, id));
        assertEquals("one", docker.ok("logs", "--until", first, id));
        docker.ok("rm", id);
    }

    @Test
    void logsFollowPrintsNewLinesUntilTheContainerEnds() throws Exception {
        String id = docker.ok("create", "--name", "cli-follow", "busybox", "sh", "-c",
                "echo before; " + Cue.untilCue() + "echo after");
        docker.ok("start", id);
        Await.until("the first line in the log", EXIT, () -> api.logLines(id, "").contains("before"));
        try (DockerCli.Background follow = docker.start("logs", "-f", "cli-follow")) {
            Await.until("logs -f to print the first line", EXIT, () -> follow.outSoFar().contains("before"));
            long pid = api.pid(id);
            Await.until("the container to end on its cue", EXIT, () -> { // repeated: the trap may not be set yet
                new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
                return !Await.alive(pid);
            });
            DockerCli.Result followed = follow.await();
            assertEquals(0, followed.exitCode(), followed.toString());
            assertEquals("before\nafter\n", followed.out(), "the line written after the client attached, then EOF");
        }
        docker.ok("rm", id);
    }

    @Test
    void inspectShowsDockersShapeForWhatCreateWasGiven() throws Exception {
        String id = docker.ok("create", "--name", "cli-inspect", "-e", "GREETING=hi", "--restart", "on-failure:3",
                "busybox", "sh", "-c", "exit 0");
        JsonNode all = JSON.readTree(docker.ok("inspect", "cli-inspect"));
        assertEquals(1, all.size());
        JsonNode c = all.get(0);
        assertEquals(id, c.path("Id").asText());
        assertEquals("/cli-inspect", c.path("Name").asText());
        assertEquals("sh", c.path("Path").asText());
        assertEquals(List.of("-c", "exit 0"), JSON.convertValue(c.path("Args"), List.class));
        assertEquals("created", c.path("State").path("Status").asText());
        assertEquals("busybox", c.path("Config").path("Image").asText());
        assertEquals(List.of("sh", "-c", "exit 0"), JSON.convertValue(c.path("Config").path("Cmd"), List.class));
        assertTrue(JSON.convertValue(c.path("Config").path("Env"), List.class).contains("GREETING=hi"), c.toString());
        assertEquals("on-failure:3", docker.ok("inspect", "-f",
                "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}", id));
        assertTrue(c.path("Image").asText().startsWith("sha256:"), c.path("Image").toString());

        DockerCli.Result missing = docker.run("inspect", "cli-no-such-container");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("No such object: cli-no-such-container"), missing.toString());
        docker.ok("rm", id);
    }

    @Test
    void inspectShowsTtyAndTheLogDriverThatClientsRead() throws Exception {
        String id = docker.ok("create", "busybox", "true");
        assertEquals("false json-file", docker.ok("inspect", "-f", "{{.Config.Tty}} {{.HostConfig.LogConfig.Type}}",
                id));
        docker.ok("rm", id);
    }

    @Test
    void psFiltersSelectByNameStatusExitCodeIdAncestorAndOrder() throws Exception {
        String exited = docker.ok("create", "--name", "cli-ps-exited", "busybox", "sh", "-c", "exit 3");
        docker.ok("start", exited);
        assertEquals("3", docker.ok("wait", exited));
        String running = docker.ok("run", "-d", "--name", "cli-ps-running", "busybox", "sleep", "1000");
        String created = docker.ok("create", "--name", "cli-ps-created", "busybox", "true");

        assertEquals(List.of("cli-ps-exited"), names("name=cli-ps-exited"));
        assertEquals(List.of("cli-ps-created", "cli-ps-running", "cli-ps-exited"), names("name=cli-ps-"),
                "newest first, as Docker lists them");
        assertEquals(List.of("cli-ps-exited"), names("name=cli-ps-", "status=exited"));
        assertEquals(List.of("cli-ps-running"), names("name=cli-ps-", "status=running"));
        assertEquals(List.of("cli-ps-created"), names("name=cli-ps-", "status=created"));
        assertEquals(List.of("cli-ps-exited"), names("name=cli-ps-", "exited=3"));
        assertEquals(List.of(), names("name=cli-ps-", "exited=0"));
        assertEquals(List.of("cli-ps-running"), names("id=" + running.substring(0, 10)));
        assertEquals(List.of("cli-ps-created", "cli-ps-running", "cli-ps-exited"),
                names("name=cli-ps-", "ancestor=busybox"));
        assertEquals(List.of("cli-ps-exited"), names("name=cli-ps-", "before=cli-ps-running"));
        assertEquals(List.of("cli-ps-created"), names("name=cli-ps-", "since=cli-ps-running"));
        assertEquals("cli-ps-created", docker.ok("ps", "-a", "-l", "--format", "{{.Names}}"), "-l: the latest");
        assertEquals("cli-ps-created", docker.ok("ps", "-a", "-n", "1", "--format", "{{.Names}}"));

        docker.ok("rm", "-f", exited, running, created);
    }

    /** The names {@code ps -a} lists with these filters, in its order. */
    private static List<String> names(String... filters) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("ps", "-a", "--format", "{{.Names}}"));
        for (String filter : filters) {
            args.addAll(List.of("--filter", filter));
        }
        DockerCli.Result ps = docker.run(args.toArray(String[]::new));
        assertEquals(0, ps.exitCode(), ps.toString());
        return ps.lines();
    }

    @Test
    void imageInspectTagAndHistory() throws Exception {
        String imageId = docker.ok("image", "inspect", "-f", "{{.Id}}", "busybox");
        assertTrue(imageId.matches("sha256:[0-9a-f]{64}"), imageId);
        assertEquals("linux " + docker.ok("version", "-f", "{{.Server.Arch}}"),
                docker.ok("image", "inspect", "-f", "{{.Os}} {{.Architecture}}", "busybox"));

        docker.ok("tag", "busybox", "cli-tagged:v1");
        assertEquals(imageId, docker.ok("image", "inspect", "-f", "{{.Id}}", "cli-tagged:v1"));
        assertTrue(docker.ok("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").lines()
                .anyMatch(l -> l.equals("cli-tagged:v1 " + imageId.substring(7, 19))));
        assertEquals(imageId, docker.ok("history", "-q", "--no-trunc", "busybox"), "one layer: the tarball");
        assertEquals("imported from a tarball", docker.ok("history", "--format", "{{.Comment}}", "busybox"));

        assertEquals("Untagged: cli-tagged:v1", docker.ok("rmi", "cli-tagged:v1"), "busybox keeps the image");
        DockerCli.Result gone = docker.run("image", "inspect", "cli-tagged:v1");
        assertEquals(1, gone.exitCode(), gone.toString());
        assertTrue(gone.err().contains("No such image: cli-tagged:v1"), gone.toString());
    }

    @Test
    void topStatsPauseUnpauseRenameAndRestart() throws Exception {
        String id = docker.ok("run", "-d", "--name", "cli-verbs", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        List<String> top = docker.ok("top", "cli-verbs", "-o", "pid,comm").lines().toList();
        assertEquals(List.of("PID", "COMMAND"), List.of(top.get(0).split("\\s+")), top.toString());
        assertEquals(List.of(Long.toString(pid), "sleep"), List.of(top.get(1).trim().split("\\s+")), top.toString());

        String[] stats = docker.ok("stats", "--no-stream", "--format", "{{.Name}}|{{.PIDs}}|{{.MemUsage}}",
                "cli-verbs").split("\\|");
        assertEquals(List.of("cli-verbs", "1"), List.of(stats[0], stats[1]));
        assertTrue(stats[2].matches("[0-9.]+[KMG]?i?B / [0-9.]+[KMG]?i?B"), stats[2]);

        assertEquals("cli-verbs", docker.ok("pause", "cli-verbs"));
        assertEquals("paused true", docker.ok("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", id));
        assertTrue(psLine(id).orElseThrow().endsWith("(Paused)"), psLine(id).toString());
        assertEquals("cli-verbs", docker.ok("unpause", "cli-verbs"));
        assertEquals("running false", docker.ok("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", id));

        docker.ok("rename", "cli-verbs", "cli-verbs-renamed");
        assertEquals("/cli-verbs-renamed", docker.ok("inspect", "-f", "{{.Name}}", id));

        assertEquals("cli-verbs-renamed", docker.ok("restart", "-t", "0", "cli-verbs-renamed"));
        assertEquals("running", docker.ok("inspect", "-f", "{{.State.Status}}", id));
        long restarted = api.pid(id);
        assertTrue(restarted != pid && Await.alive(restarted), "a new process: " + pid + " -> " + restarted);
        docker.ok("rm", "-f", id);
    }

    @Test
    void updateChangesTheLimitsOfARunningContainerAndRefusesWhatItCannot() throws Exception {
        String id = docker.ok("run", "-d", "--name", "cli-update", "busybox", "sleep", "1000");
        assertEquals("cli-update", docker.ok("update", "-m", "64m", "--pids-limit", "50", "--restart", "on-failure:2",
                "cli-update"));
        assertEquals("67108864 50 on-failure:2", docker.ok("inspect", "-f", "{{.HostConfig.Memory}} "
                + "{{.HostConfig.PidsLimit}} {{.HostConfig.RestartPolicy.Name}}:"
                + "{{.HostConfig.RestartPolicy.MaximumRetryCount}}", id));
        // seen from inside: the container's own cgroup (v2 names first, v1 where the host has it)
        assertEquals("67108864\n50", docker.ok("exec", "cli-update", "sh", "-c",
                "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes; "
                        + "cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max"));

        DockerCli.Result refused = docker.run("update", "--kernel-memory", "10m", "cli-update");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("KernelMemory: not supported by Holdfast"), refused.toString());
        docker.ok("rm", "-f", id);
    }

    @Test
    void cpCopiesBothWaysAndExportWritesTheFilesystem() throws Exception {
        String id = docker.ok("run", "-d", "--name", "cli-cp", "busybox", "sleep", "1000");
        Path dir = Files.createDirectories(engine.root().resolve("cli-cp"));
        Files.writeString(dir.resolve("in.txt"), "into the container\n");
        docker.ok("cp", dir.resolve("in.txt").toString(), "cli-cp:/tmp/");
        assertEquals("into the container", docker.ok("exec", "cli-cp", "cat", "/tmp/in.txt"));

        docker.ok("exec", "cli-cp", "sh", "-c", "echo out of the container > /tmp/out.txt");
        docker.ok("cp", "cli-cp:/tmp/out.txt", dir.resolve("out.txt").toString());
        assertEquals("out of the container\n", Files.readString(dir.resolve("out.txt")));

        Path tar = dir.resolve("export.tar");
        docker.ok("export", "-o", tar.toString(), "cli-cp");
        Process list = new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
        List<String> entries = List.of(new String(list.getInputStream().readAllBytes()).split("\n"));
        assertEquals(0, list.waitFor());
        assertTrue(entries.contains("bin/busybox") || entries.contains("./bin/busybox"), entries.toString());
        assertTrue(entries.contains("tmp/in.txt") || entries.contains("./tmp/in.txt"), entries.toString());
        docker.ok("rm", "-f", id);
    }

    @Test
    void containerPruneRemovesStoppedContainersOnly() throws Exception {
        String stopped = docker.ok("create", "--name", "cli-prune-stopped", "busybox", "true");
        String running = docker.ok("run", "-d", "--name", "cli-prune-running", "busybox", "sleep", "1000");
        String pruned = docker.ok("container", "prune", "-f");
        assertTrue(pruned.startsWith("Deleted Containers:") && pruned.contains(stopped), pruned);
        assertFalse(pruned.contains(running), pruned);
        assertEquals(404, api.request("GET", "/containers/" + stopped + "/json").status());
        assertEquals("running", docker.ok("inspect", "-f", "{{.State.Status}}", running));
        docker.ok("rm", "-f", running);
    }

    @Test
    void rmRefusesARunningContainerAndRmForceRemovesIt() throws Exception {
        String id = docker.ok("create", "--name", "cli-rmf", "busybox", "sleep", "1000");
        docker.ok("start", id);
        long pid = api.pid(id);

        DockerCli.Result refused = docker.run("rm", "cli-rmf");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("You cannot remove a running container " + id), refused.toString());

        assertEquals("cli-rmf", docker.ok("rm", "-f", "cli-rmf"));
        assertFalse(Await.alive(pid), "rm -f killed the container's process");
        assertEquals(404, api.request("GET", "/containers/" + id + "/json").status());
    }

    /** A root filesystem of one file no other image has, so removing its tag deletes the image too. */
    private static Path uniqueTarball(Path dir) throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.writeString(rootfs.resolve("identity"), dir + " " + java.util.UUID.randomUUID() + "\n");
        Path tarball = dir.resolve("image.tar");
        Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "-cf", tarball.toString(), ".")
                .inheritIO().start();
        assertEquals(0, tar.waitFor(), "tar");
        return tarball;
    }

    @Test
    void importedImageIsListedUsedAndRemovedWithRmi() throws Exception {
        Path tarball = uniqueTarball(engine.root().resolve("cli-import"));
        String imageId = docker.ok("import", tarball.toString(), "cli-imported:v1");
        assertTrue(imageId.matches("sha256:[0-9a-f]{64}"), imageId);
        assertTrue(docker.ok("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").lines()
                .anyMatch(l -> l.equals("cli-imported:v1 " + imageId.substring(7, 19))));

        String id = docker.ok("create", "cli-imported:v1", "true");
        DockerCli.Result inUse = docker.run("rmi", "cli-imported:v1");
        assertEquals(1, inUse.exitCode(), inUse.toString());
        assertTrue(inUse.err().contains("container is using its referenced image"), inUse.toString());

        docker.ok("rm", id);
        assertEquals("Untagged: cli-imported:v1\nDeleted: " + imageId, docker.ok("rmi", "cli-imported:v1"));
        assertFalse(docker.ok("images", "--format", "{{.Repository}}:{{.Tag}}").contains("cli-imported"));
    }

    @Test
    void importChangesBecomeTheImagesConfigAndTheDefaultsOfItsContainers() throws Exception {
        Path dir = Files.createDirectories(engine.root().resolve("cli-import-config"));
        String source = docker.ok("create", "busybox", "true");
        Path tarball = dir.resolve("busybox.tar");
        docker.ok("export", "-o", tarball.toString(), source);
        docker.ok("rm", source);
        docker.ok("import", "--change", "CMD [\"sh\", \"-c\", \"echo $GREETING from $PWD as $(id -u)\"]",
                "--change", "ENV GREETING=hello", "--change", "WORKDIR /tmp", "--change", "USER 1000",
                "--change", "LABEL team=web", tarball.toString(), "cli-config:v1");
        assertEquals("hello from /tmp as 1000", docker.ok("run", "--rm", "cli-config:v1"));
        assertEquals("bye from / as 0", docker.ok("run", "--rm", "-e", "GREETING=bye", "-w", "/", "-u", "0",
                "cli-config:v1"), "the run's own options win");
        assertEquals("[sh -c echo $GREETING from $PWD as $(id -u)] /tmp 1000 web", docker.ok("image", "inspect", "-f",
                "{{.Config.Cmd}} {{.Config.WorkingDir}} {{.Config.User}} {{.Config.Labels.team}}", "cli-config:v1"));

        DockerCli.Result refused = docker.run("import", "--change", "ONBUILD RUN true", tarball.toString(),
                "cli-config:v2");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("\"ONBUILD RUN true\": ONBUILD is not supported"), refused.toString());
        docker.ok("rmi", "cli-config:v1");
    }

    @Test
    void eventsReportTheLifecycleAndHonourFilters() throws Exception {
        Instant since = Instant.now();
        String id = docker.ok("create", "--name", "cli-events", "busybox", "sh", "-c", "exit 3");
        docker.ok("start", id);
        assertEquals("3", docker.ok("wait", id));
        String until = seconds(Instant.now());

        assertEquals("create\nstart\ndie", docker.ok("events", "--since", seconds(since), "--until", until,
                "--filter", "container=cli-events", "--format", "{{.Action}}"));
        assertEquals(id + " 3 cli-events busybox", docker.ok("events", "--since", seconds(since), "--until", until,
                "--filter", "container=cli-events", "--filter", "event=die", "--format",
                "{{.Actor.ID}} {{.Actor.Attributes.exitCode}} {{.Actor.Attributes.name}} {{.Actor.Attributes.image}}"));
        docker.ok("rm", id);
    }

    @Test
    void eventsWithoutUntilStreamWhatHappensWhileTheClientListens() throws Exception {
        // --since: events from before the client's subscription reached the engine are replayed, none is lost
        String since = seconds(Instant.now());
        try (DockerCli.Background events = docker.start("events", "--since", since, "--filter",
                "container=cli-live-events", "--format", "{{.Action}}")) {
            String id = docker.ok("create", "--name", "cli-live-events", "busybox", "true");
            Await.until("create on the open stream", EXIT, () -> events.outSoFar().equals("create\n"));
            docker.ok("start", id); // certainly after the client listens: it has printed the create
            Await.until("start and die on the open stream", EXIT,
                    () -> events.outSoFar().equals("create\nstart\ndie\n"));
            docker.ok("rm", id);
            Await.until("destroy on the open stream", EXIT,
                    () -> events.outSoFar().equals("create\nstart\ndie\ndestroy\n"));
        }
    }

    @Test
    void aClientThatDoesNotEndIsKilledAndFailsTheTest() throws Exception {
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> docker.withTimeout(Duration.ofSeconds(2)).run("events", "--filter", "container=cli-never"));
        assertTrue(failure.getMessage().contains("did not end within 2 s and was killed"), failure.getMessage());
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command()
                .map(c -> c.equals(DockerCli.DEBIAN.toString())).orElse(false)), "no client is left running");
    }

    @Test
    void unknownNamesAndNameConflictsAreReportedAsDockerDoes() throws Exception {
        DockerCli.Result start = docker.run("start", "cli-no-such");
        assertEquals(1, start.exitCode(), start.toString());
        assertTrue(start.err().contains("No such container: cli-no-such"), start.toString());

        // the CLI pulls an image it does not have; the pull fails naming the registry. The image names a registry
        // on a loopback port nothing listens on: a test never sends traffic beyond this machine (docker.io)
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String missing = "127.0.0.1:" + port + "/cli-no-such-image";
        DockerCli.Result create = docker.run("create", missing);
        assertEquals(1, create.exitCode(), create.toString());
        assertTrue(create.err().contains("Unable to find image '" + missing + ":latest' locally"), create.toString());
        assertTrue(create.err().contains("127.0.0.1:" + port + "/v2/cli-no-such-image/manifests/latest"),
                create.toString());

        String id = docker.ok("create", "--name", "cli-dup", "busybox", "true");
        DockerCli.Result dup = docker.run("create", "--name", "cli-dup", "busybox", "true");
        assertEquals(1, dup.exitCode(), dup.toString());
        assertTrue(dup.err().contains("The container name \"/cli-dup\" is already in use by container \"" + id
                + "\""), dup.toString());
        docker.ok("rm", id);
    }
}
