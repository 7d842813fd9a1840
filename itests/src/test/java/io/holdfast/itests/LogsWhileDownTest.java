package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Cue;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A container writing fast while the engine is down neither blocks nor loses a line. */
@ExtendWith(EngineExtension.class)
class LogsWhileDownTest {
    private static final int LINES = 40_000;

    @Test
    void everyLineWrittenWhileTheEngineIsDownIsInTheLogsInOrderWithItsTime(Engine engine, Api api)
            throws Exception {
        // waits for its cue, given once the engine is gone, then writes ~1.4 MiB of numbered lines as fast as
        // it can
        String id = engine.cli().ok("run", "-d", "busybox", "sh", "-c", Cue.untilCue() + "i=0; while [ $i -lt "
                + LINES + " ]; do i=$((i+1)); echo \"line $i the quick brown fox\"; done");
        Cue.Downtime downtime = Cue.endWhileEngineIsDown(engine, id);
        Instant down = downtime.engineKilled();
        Instant finished = downtime.containersEnded();
        engine.start();

        assertEquals(0, api.inspect(id).path("State").path("ExitCode").asInt(),
                "the writer never blocked: it ran to the end while nobody read its output");
        List<String> lines = engine.cli().ok("logs", "-t", id).lines().toList();
        assertEquals(LINES, lines.size());
        long bytes = 0;
        Instant previous = Instant.MIN;
        for (int i = 0; i < LINES; i++) {
            String line = lines.get(i);
            int space = line.indexOf(' ');
            Instant written = Instant.parse(line.substring(0, space));
            assertEquals("line " + (i + 1) + " the quick brown fox", line.substring(space + 1), "line " + (i + 1));
            assertFalse(written.isBefore(previous), "timestamps are in order at line " + (i + 1));
            assertTrue(!written.isBefore(down.minusSeconds(1)) && !written.isAfter(finished),
                    "line " + (i + 1) + " was written while the engine was down: " + written);
            previous = written;
            bytes += line.length() - space;
        }
        assertTrue(bytes > 1024 * 1024, "at least 1 MiB was written while down, was " + bytes);
        assertEquals(List.of("line 39999 the quick brown fox", "line 40000 the quick brown fox"),
                engine.cli().ok("logs", "--tail", "2", id).lines().toList());
    }
}
