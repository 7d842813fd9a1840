package io.holdfast.shim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks {@code /proc} whether a pid is still the process we started: a pid may be reused after a restart, its start
 * time may not. A zombie counts as gone.
 */
final class ProcessProbe {
    private ProcessProbe() {
    }

    /** The process's start time in clock ticks since boot (field 22 of {@code /proc/PID/stat}), or -1 if gone. */
    static long startTime(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return -1;
            }
            return Long.parseLong(fields[19]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether {@code pid} is alive and is the process that had {@code expectedStart}. */
    static boolean isSame(long pid, long expectedStart) {
        long start = startTime(pid);
        return start >= 0 && start == expectedStart;
    }
}
