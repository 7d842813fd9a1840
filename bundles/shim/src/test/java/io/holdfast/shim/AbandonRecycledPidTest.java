package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: abandoning a launch kills the pid in the monitor's pid file; after a reboot or a long outage that pid
 * may belong to any process. Only the container's own conmon is killed.
 */
class AbandonRecycledPidTest {
    private static final String ID = "abandon-test-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void endProcess() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPidNowHeldByAnotherProcessIsLeftAlone() throws Exception {
        process = new ProcessBuilder("sleep", "600").start();
        MonitorLayout layout = new MonitorLayout(dir.resolve("exec-root"));
        Files.createDirectories(layout.dir(ID));
        Files.writeString(layout.monitorPidFile(ID), Long.toString(process.pid()));

        new ConmonLauncher(Path.of("/usr/bin/conmon"), layout, new MonitorRecords(layout))
                .abandon(ID, new OciRuntimeCli(new OciRuntime("true", "/bin/true"), layout.runtimeRoot("true")));

        assertFalse(process.waitFor(200, TimeUnit.MILLISECONDS), "the unrelated process was killed");
        assertTrue(process.isAlive());
        assertFalse(Files.exists(layout.dir(ID)), "the monitor's files are still removed");
    }

    @Test
    void theContainersOwnMonitorIsRecognisedByItsCommandLine() throws Exception {
        Path conmon = dir.resolve("conmon");
        Files.createSymbolicLink(conmon, Path.of("/bin/sh"));
        // "; :" keeps the shell from exec'ing sleep, so the command line stays conmon's
        process = new ProcessBuilder(conmon.toString(), "-c", "sleep 600; :", "-u", ID).start();
        awaitCommandLine(process.pid());
        assertTrue(ProcessProbe.monitorOf(process.pid(), ID).isPresent());
        assertTrue(ProcessProbe.monitorOf(process.pid(), ID + "-other").isEmpty(), "another container's monitor");
        assertTrue(ProcessProbe.monitorOf(0, ID).isEmpty());
    }

    /** The kernel shows the new command line once exec has happened; ProcessBuilder returns right after fork. */
    private static void awaitCommandLine(long pid) throws Exception {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!new String(Files.readAllBytes(cmdline)).contains(ID)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stand-in monitor never showed its command line");
            }
            Thread.sleep(5);
        }
    }
}
