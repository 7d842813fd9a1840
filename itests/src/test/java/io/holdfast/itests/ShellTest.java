package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DeployedSwap;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.PtySession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code holdfast shell}: the engine's Gogo shell over its API socket, one-shot and piped for scripts, interactive
 * on a terminal (completion, history) through a restore-bundle swap, and refused to a user the socket refuses.
 */
@ExtendWith(EngineExtension.class)
class ShellTest {

    @Test
    void oneShotLinesPrintWhatTheCommandsReturnAndFailWithAStatus(Engine engine, Cli cli) throws Exception {
        String name = "shell-" + UUID.randomUUID().toString().substring(0, 8);
        String id = cli.ok("run", "-d", "--name", name, "busybox", "sleep", "1000");

        Cli.Result lb = cli.run("shell", "-c", "lb");
        assertEquals(0, lb.exitCode(), lb.err());
        assertTrue(lb.out().contains("Holdfast restore") && lb.out().contains("Active"), lb.out());

        // Gogo's pipes and grep, whose answer is the status: a match is 0, none is 1
        Cli.Result grep = cli.run("shell", "-c", "lb | grep 'Holdfast restore'");
        assertEquals(0, grep.exitCode(), grep.err());
        assertEquals(1, grep.out().lines().count(), grep.out());
        assertEquals(1, cli.run("shell", "-c", "lb | grep no-such-bundle-" + name).exitCode());

        Cli.Result scr = cli.run("shell", "-c", "scr:list");
        assertEquals(0, scr.exitCode(), scr.err());
        assertTrue(scr.out().contains("io.holdfast.restore.Restorer"), scr.out());
        assertTrue(scr.out().contains("io.holdfast.api.shell.ShellHost"), scr.out());

        Cli.Result ps = cli.run("shell", "-c", "holdfast:ps -a");
        assertEquals(0, ps.exitCode(), ps.err());
        List<String> rows = ps.out().lines().toList();
        assertTrue(rows.get(0).startsWith("CONTAINER ID"), ps.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(id.substring(0, 12)) && r.endsWith(name)), ps.out());

        Cli.Result plan = cli.run("shell", "-c", "restore:plan");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("Restore plan at") && plan.out().contains(name), plan.out());

        Cli.Result help = cli.run("shell", "-c", "help holdfast:stop");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--time") && help.out().contains("seconds to wait before SIGKILL"), help.out());

        Cli.Result unknown = cli.run("shell", "-c", "holdfast:nosuch");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("Command not found: holdfast:nosuch"), unknown.err());
        assertEquals("", unknown.out());

        // piped lines run in one session (a variable set by the first is read by the second) and stop at the
        // first that fails, with its status
        Cli.Result piped = cli.runWithInput(("mark = piped-" + name + "\necho seen-$mark\nholdfast:inspect no-such-"
                + name + "\nlb\n").getBytes(StandardCharsets.UTF_8), "shell");
        assertEquals(1, piped.exitCode(), piped.out() + piped.err());
        assertTrue(piped.out().contains("seen-piped-" + name), piped.out());
        assertTrue(piped.err().contains("no-such-" + name), piped.err());
        assertFalse(piped.out().contains("Holdfast restore"), "lb ran after a failed line: " + piped.out());
    }

    @Test
    void aLineWaitsForTheCommandsOfABundleThatIsAwayOrSaysWhy(Engine engine, Cli cli) throws Exception {
        String restore = cli.ok("shell", "-c", "lb -s | grep io.holdfast.restore").split("\\|")[0].strip();
        cli.ok("shell", "-c", "felix:stop " + restore);
        try {
            // nothing brings it back: the line says so once its patience (30 s) is spent
            Cli.Result gaveUp = cli.run("shell", "-c", "restore:plan");
            assertEquals(1, gaveUp.exitCode(), gaveUp.out());
            assertTrue(gaveUp.err().contains("restore:plan: its bundle io.holdfast.restore is not active"),
                    gaveUp.err());

            // the bundle comes back while a line waits for it: the line runs then
            Process waiting = new ProcessBuilder(Engine.HOME.resolve("bin/holdfast").toString(), "-H", engine.host(),
                    "shell", "-c", "restore:report").redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            try {
                Await.until("the line to wait", Duration.ofSeconds(120), () -> engine.log().split(
                        "shell: waiting up to 30 s for \\[restore:report]", -1).length > 1);
                cli.ok("shell", "-c", "felix:start " + restore);
                String out = new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(waiting.waitFor(120, TimeUnit.SECONDS));
                assertEquals(0, waiting.exitValue(), out);
                // the restarted bundle's report: its own restore, or none yet if the command came first
                assertTrue(out.contains("Restore at") || out.contains("no restore has run yet"), out);
            } finally {
                waiting.destroyForcibly().waitFor();
            }
        } finally {
            cli.run("shell", "-c", "felix:start " + restore);
        }
    }

    @Test
    void aSessionEndsWhenItsClientIsKilled(@EngineSetup(busybox = false) Engine engine) throws Exception {
        // a client waiting for lines on a pipe that stays open, killed without a chance to close its session
        Process client = new ProcessBuilder(Engine.HOME.resolve("bin/holdfast").toString(), "-H", engine.host(),
                "shell").redirectErrorStream(true).start();
        try {
            Await.until("the session opened", Duration.ofSeconds(120),
                    () -> engine.log().contains("shell session ") && engine.log().contains(" opened"));
            assertTrue(client.isAlive(), "the client waits for lines");
            client.destroyForcibly().waitFor();
            Await.until("the engine to find the client gone", Duration.ofSeconds(120),
                    () -> engine.log().contains("closed: the client went away"));
        } finally {
            client.destroyForcibly().waitFor();
        }
    }

    @Test
    void anInteractiveSessionCompletesRecallsHistoryAndOutlivesARestoreSwap(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        String name = "shell-tty-" + UUID.randomUUID().toString().substring(0, 8);
        String id = engine.cli().ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        Path home = engine.root().resolve("home");
        Files.createDirectories(home);
        String prompt = "holdfast> ";
        try (PtySession shell = PtySession.start(List.of(engine.distribution().resolve("bin/holdfast").toString(),
                "-H", engine.host(), "shell"), Map.of("HOME", home.toString()))) {
            shell.expect(prompt);
            // a container name completed from a prefix that only it has
            // (a name prefix is no ref: only the completed name finds the container)
            shell.type("holdfast:inspect " + name.substring(0, name.length() - 3) + "\t");
            shell.type("\r");
            shell.expect(id);
            shell.expect(prompt);
            shell.type("mark = before-the-swap-" + name + "\r");
            shell.expect(prompt);

            Path next = BundleJars.withVersion(BundleJars.original(engine.distribution(), "restore-"),
                    engine.root().resolve("restore-next.jar"), "0.2.0");
            DeployedSwap.of(engine, "io.holdfast.restore").swapIn(next, engine.distribution(), "restore.jar", api);

            // the same session: its variable is still there, and the new restore revision's commands answer
            shell.type("echo seen-$mark\r");
            shell.expect("seen-before-the-swap-" + name);
            shell.expect(prompt);
            shell.type("restore:plan\r");
            shell.expect(name);
            shell.expect(prompt);
            // history: the up arrow brings back the last line (JLine puts an xterm in application cursor mode,
            // where the arrow sends ESC O A)
            shell.type("\u001bOA");
            shell.expect("restore:plan");
            shell.type("\r");
            shell.expect("Restore plan at");
            shell.expect(prompt);
            shell.type("exit\r");
            assertEquals(0, shell.awaitExit());
        }
        List<String> history = Files.readAllLines(home.resolve(".holdfast/shell_history"));
        assertTrue(history.stream().anyMatch(l -> l.endsWith("holdfast:inspect " + name)), history.toString());
        assertTrue(history.stream().anyMatch(l -> l.endsWith("restore:plan")), history.toString());
        assertTrue(engine.log().contains("update io.holdfast.restore "), "the restore bundle was swapped");
    }

    @Test
    void aUserOutsideTheSocketsGroupIsRefused(@EngineSetup(busybox = false) Engine engine) throws Exception {
        // the socket's own mode (0660, root's group) is what refuses, not the test's private directory
        Files.setPosixFilePermissions(engine.root(), PosixFilePermissions.fromString("rwx--x--x"));
        // a copy of the client that nobody can read: the distribution may sit under root's own 0700 home
        Path client = engine.root().resolve("client");
        Files.createDirectories(client.resolve("bin"));
        Files.copy(Engine.HOME.resolve("bin/holdfast"), client.resolve("bin/holdfast"));
        Path libCli = Files.createDirectories(client.resolve("lib/cli"));
        try (var jars = Files.list(Engine.HOME.resolve("lib/cli"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, libCli.resolve(jar.getFileName()));
            }
        }
        assertEquals(0, new ProcessBuilder("chmod", "-R", "a+rX", client.toString()).start().waitFor());
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                client.resolve("bin/holdfast").toString(), "-H", engine.host(), "shell", "-c", "lb")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "holdfast shell as nobody did not finish");
        assertNotEquals(0, p.exitValue(), out);
        assertTrue(err.contains("permission denied"), err);
        assertFalse(out.contains("Active"), out);
        // root, in the socket's group, is let in on the same socket
        assertEquals(0, engine.cli().run("shell", "-c", "lb").exitCode());
    }
}
