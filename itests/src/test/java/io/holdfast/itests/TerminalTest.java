package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.TerminalSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Containers and execs with a terminal, driven by the stock docker CLI on a pseudo-terminal as a user would:
 * {@code docker run -it}, resizing the window, detaching with ctrl-p ctrl-q, attaching again after the engine was
 * killed, {@code docker exec -it}. The monitor holds the terminal, so none of it depends on the engine staying up.
 */
@ExtendWith(EngineExtension.class)
class TerminalTest {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String DETACH = "\u0010\u0011";

    @Test
    void runDashItGivesAShellATerminalThatFollowsTheWindowAndItsExitCode(Engine engine, Api api) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        TerminalSession.Transcript session = new TerminalSession()
                .send("tty; echo size=$(stty size)\r").expect("size=24 80") // the CLI sets the size it has
                .resize(40, 120).send("echo size=$(stty size)\r").expect("size=40 120")
                .send("echo term=$TERM; exit 7\r").end()
                .run(docker, "run", "-it", "--name", "tty-run", "busybox", "sh");
        assertEquals(7, session.exitCode(), session.screen());
        assertTrue(session.shows("/dev/pts/0"), session.screen());
        assertTrue(session.shows("term=xterm"), session.screen());
        assertEquals("true", api.inspect("tty-run").path("Config").path("Tty").asText());
        String logs = docker.ok("logs", "tty-run");
        assertTrue(logs.contains("size=40 120\r\n"), "a terminal's log is raw, with the terminal's CR LF: " + logs);
        docker.ok("rm", "tty-run");
    }

    /** The 28.x client sends the window's size in the create ({@code HostConfig.ConsoleSize}), even at API 1.41. */
    @Test
    void theNewerClientsConsoleSizeIsTheTerminalsSizeFromTheStart(Engine engine) throws Exception {
        java.util.Optional<DockerCli> found = DockerCli.of(engine).newer();
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(), DockerCli.NEWER + " (a 28.x client) is not"
                + " installed on this machine; Debian ships only 20.10");
        DockerCli newer = found.get();
        TerminalSession.Transcript session = new TerminalSession()
                .send("echo size=$(stty size)\r").expect("size=24 80")
                .send("exit 6\r").end()
                .run(newer, "run", "-it", "--rm", "busybox", "sh");
        assertEquals(6, session.exitCode(), session.screen());
    }

    @Test
    void detachKeysLeaveTheContainerRunningAndAttachWorksAgainAfterTheEngineWasKilled(Engine engine, Api api)
            throws Exception {
        DockerCli docker = DockerCli.of(engine);
        TerminalSession.Transcript first = new TerminalSession()
                .send("echo before-$((40+2))\r").expect("before-42").send(DETACH).end()
                .run(docker, "run", "-it", "--name", "tty-detach", "busybox", "sh");
        assertEquals("running", api.inspect("tty-detach").path("State").path("Status").asText(), first.screen());
        long pid = api.pid("tty-detach");

        engine.kill9();
        assertTrue(Await.alive(pid), "the container and its terminal survive the engine's SIGKILL");
        engine.start();
        assertEquals(pid, api.pid("tty-detach"), "the restore adopted the same process");

        TerminalSession.Transcript again = new TerminalSession()
                .send("echo after-$((40+3))\r").expect("after-43")
                .resize(33, 99).send("echo size=$(stty size)\r").expect("size=33 99")
                .send("exit 3\r").end()
                .run(docker, "attach", "tty-detach");
        assertTrue(again.shows("after-43"), again.screen());
        Await.until("the container to be recorded as exited", LONG,
                () -> api.inspect("tty-detach").path("State").path("Status").asText().equals("exited"));
        assertEquals(3, api.inspect("tty-detach").path("State").path("ExitCode").asInt());
        String logs = docker.ok("logs", "tty-detach");
        assertTrue(logs.contains("before-42") && logs.contains("after-43"), logs);
        docker.ok("rm", "tty-detach");
    }

    @Test
    void execDashItGetsItsOwnTerminalAndExecDashIItsOwnStdin(Engine engine) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        docker.ok("run", "-d", "--name", "tty-exec", "busybox", "sleep", "1000");
        TerminalSession.Transcript session = new TerminalSession()
                .send("tty; echo in-exec-$((1+1))\r").expect("in-exec-2")
                .resize(50, 60).send("echo size=$(stty size)\r").expect("size=50 60")
                .send("exit 4\r").end()
                .run(docker, "exec", "-it", "tty-exec", "sh");
        assertEquals(4, session.exitCode(), session.screen());
        assertTrue(session.shows("/dev/pts/"), session.screen());

        DockerCli.Result piped = docker.runWithInput("one\ntwo\n".getBytes(StandardCharsets.UTF_8),
                "exec", "-i", "tty-exec", "sh", "-c", "while read l; do echo got:$l; done; echo stdin-closed");
        assertEquals(0, piped.exitCode(), piped.toString());
        assertEquals(java.util.List.of("got:one", "got:two", "stdin-closed"), piped.lines(),
                "the exec read the client's input and then its end");
        docker.ok("rm", "-f", "tty-exec");
    }

    @Test
    void theSdkDrivesTerminalsAndResizeChecksItsArguments(Engine engine, Api api) throws Exception {
        DockerSdk.of(engine).ok("terminal.py", "sdk-terminal"); // its checks fail it

        String id = api.runDetached(java.util.List.of("sleep", "1000"));
        assertEquals(400, api.request("POST", "/containers/" + id + "/resize?h=0&w=80").status());
        assertEquals(400, api.request("POST", "/containers/" + id + "/resize?w=80").status());
        assertEquals(200, api.request("POST", "/containers/" + id + "/resize?h=24&w=80").status(),
                "a container without a terminal: nothing to do, as Docker");
        api.request("POST", "/containers/" + id + "/kill");
        Await.until("the container to exit", LONG,
                () -> api.inspect(id).path("State").path("Status").asText().equals("exited"));
        assertEquals(409, api.request("POST", "/containers/" + id + "/resize?h=24&w=80").status());
        api.request("DELETE", "/containers/" + id);
    }
}
