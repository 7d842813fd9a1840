package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectSignalTest {
    private Process sleeper;

    private MonitorRecord recordOf(Process process, long startDelta) {
        long pid = process.pid();
        return MonitorRecord.launching("c".repeat(64), null, "/b", "/l")
                .started(Instant.now(), pid, ProcessProbe.startTime(pid) + startDelta, 1, 1);
    }

    @AfterEach
    void end() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void termAndKillReachTheRecordedProcessItself() throws Exception {
        sleeper = new ProcessBuilder("sleep", "1000").start();
        assertTrue(DirectSignal.send(recordOf(sleeper, 0), "SIGTERM"));
        assertTrue(sleeper.waitFor(30, TimeUnit.SECONDS));
        assertEquals(128 + 15, sleeper.exitValue());

        // a shell that ignores TERM, as a container's init does by default
        sleeper = new ProcessBuilder("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done").start();
        assertEquals("ready", new java.io.BufferedReader(new java.io.InputStreamReader(sleeper.getInputStream()))
                .readLine(), "the trap is set");
        assertTrue(DirectSignal.send(recordOf(sleeper, 0), "15"));
        assertFalse(sleeper.waitFor(200, TimeUnit.MILLISECONDS), "TERM ignored");
        assertTrue(DirectSignal.send(recordOf(sleeper, 0), "KILL"));
        assertTrue(sleeper.waitFor(30, TimeUnit.SECONDS));
        assertEquals(128 + 9, sleeper.exitValue());
    }

    @Test
    void anotherSignalOrAnotherProcessAtThePidIsLeftToTheRuntime() throws Exception {
        sleeper = new ProcessBuilder("sleep", "1000").start();
        assertFalse(DirectSignal.send(recordOf(sleeper, 0), "HUP"), "only TERM and KILL are sent here");
        assertFalse(DirectSignal.send(recordOf(sleeper, -1), "KILL"), "a recycled pid: another start time");
        assertTrue(sleeper.isAlive());
    }
}
