package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The start time read in place from {@code /proc/PID/stat}, against the kernel's own lines and awkward names. */
class ProcessProbeTest {
    /** Field 22 by the plain reading: split what follows the last ')'. */
    private static long splitReading(String stat) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
    }

    private static long inPlace(String stat) {
        byte[] bytes = stat.getBytes(StandardCharsets.UTF_8);
        return ProcessProbe.startTimeOf(bytes, bytes.length);
    }

    @Test
    void readsTheStartTimeTheKernelReportsForALiveProcess() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(sleep.pid()), "stat"));
            assertEquals(splitReading(stat), ProcessProbe.startTime(sleep.pid()));
            assertTrue(ProcessProbe.isSame(sleep.pid(), splitReading(stat)));
            assertFalse(ProcessProbe.isSame(sleep.pid(), splitReading(stat) + 1), "another start is another process");
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatEndedIsGone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS); // reaped by the JDK: /proc has no entry any more
        assertEquals(-1, ProcessProbe.startTime(ended.pid()));
        assertEquals(-1, ProcessProbe.startTime(0));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "4242 (a) b (c) S 1 4242 4242 0 -1 4194560 120 0 0 0 1 2 0 0 20 0 1 0 987654 2265088 222 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(987654, inPlace(stat));
        assertEquals(splitReading(stat), inPlace(stat));
    }

    @Test
    void aZombieOrACutLineCountsAsGone() {
        String zombie = "77 (conmon) Z 1 77 77 0 -1 4194560 120 0 0 0 1 2 0 0 20 0 1 0 5555 0 0";
        assertEquals(-1, inPlace(zombie));
        String cut = "77 (conmon) S 1 77 77 0 -1 4194560 120 0 0 0 1 2 0 0 20 0 1 0 555";
        assertEquals(-1, inPlace(cut), "field 22 without the space after it may be cut short");
        assertEquals(-1, inPlace("77 (conmon"));
        assertEquals(-1, inPlace(""));
    }
}
