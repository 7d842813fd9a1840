package io.holdfast.supervisor.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's start time from {@code /proc}: a pid may be reused after the process ends, its start time may not. */
final class ProcessStart {
    private ProcessStart() {
    }

    /** Field 22 of {@code /proc/PID/stat} (clock ticks since boot), or -1 if the process is gone or a zombie. */
    static long ticks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return -1;
            }
            return Long.parseLong(fields[19]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
