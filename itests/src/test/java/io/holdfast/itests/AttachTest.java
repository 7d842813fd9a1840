package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container's streams through the stock docker CLI: foreground output and exit code, stdin ({@code -i}), and a
 * stdin that outlives the engine because the monitor, not the engine, holds it.
 */
@ExtendWith(EngineExtension.class)
class AttachTest {
    private static final Duration LONG = Duration.ofSeconds(120);

    @Test
    void foregroundRunSplitsStdoutFromStderrAndExitsWithTheContainersCode(Engine engine) throws Exception {
        DockerCli.Result run = DockerCli.of(engine).run("run", "--rm", "busybox", "sh", "-c",
                "echo to-out; echo to-err >&2; exit 3");
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("to-out", run.out().strip());
        assertEquals("to-err", run.err().strip());
    }

    /**
     * Reads what it is sent until the end of the client's stdin: the end reaches conmon, which closes the container's
     * stdin. (conmon 2.1.6 used to keep it open in about 1 run in 15; StdinRelay works around its use-after-free.)
     */
    @Test
    void pipedStdinReachesTheContainerAndItsEndClosesIt(Engine engine) throws Exception {
        DockerCli.Result run = DockerCli.of(engine).runWithInput("a\nb\n".getBytes(StandardCharsets.UTF_8),
                "run", "-i", "--rm", "busybox", "sh", "-c", "while read l; do echo got:$l; done; echo end-of-input");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("got:a", "got:b", "end-of-input"), run.lines());
    }

    @Test
    void outputWithoutAFinalNewlineGetsNone(Engine engine) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        DockerCli.Result run = docker.run("run", "--name", "no-newline", "busybox", "printf", "abc");
        assertEquals("abc", run.out(), "attached, as Docker: nothing added");
        assertEquals("abc", docker.run("logs", "no-newline").out(), "and read back from the log");
        docker.ok("rm", "no-newline");
    }

    @Test
    void withoutDashIStdinIsClosed(Engine engine) throws Exception {
        DockerCli.Result run = DockerCli.of(engine).runWithInput("ignored\n".getBytes(StandardCharsets.UTF_8),
                "run", "--rm", "busybox", "sh", "-c", "read l; echo [$l]");
        assertEquals("[]", run.out().strip(), run.toString());
    }

    @Test
    void anOpenStdinOutlivesTheEngineAndTakesInputAfterTheRestart(Engine engine, Api api) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String id = docker.ok("run", "-di", "busybox", "sh", "-c",
                "while read l; do echo got:$l; [ \"$l\" = stop ] && exit 7; done; exit 1");
        long pid = api.pid(id);

        engine.kill9();
        assertTrue(Await.alive(pid), "the container survives the engine's SIGKILL");
        engine.start();
        assertEquals(pid, api.pid(id), "the restore adopted the same process");

        DockerCli.Result attach = docker.runWithInput("after\nstop\n".getBytes(StandardCharsets.UTF_8),
                "attach", id);
        assertEquals(7, attach.exitCode(), attach.toString());
        assertEquals(List.of("got:after", "got:stop"), docker.run("logs", id).lines(),
                "the same process read the input: the stdin its monitor held across the restart");
        Await.until("the container to be recorded as exited", LONG,
                () -> api.inspect(id).path("State").path("Status").asText().equals("exited"));
        docker.ok("rm", id);
    }
}
