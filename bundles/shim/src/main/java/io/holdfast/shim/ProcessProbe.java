package io.holdfast.shim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /**
     * The conmon that monitors {@code monitoredId} (its {@code -u ID}) at {@code pid}, if that is what runs there now:
     * a pid read from a pid file may have been reused by any process since. The handle carries the process's start
     * time, and the JDK checks it before it signals, so destroying it never hits a process that took the pid later.
     */
    static Optional<ProcessHandle> monitorOf(long pid, String monitoredId) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(p -> isMonitorOf(p.pid(), monitoredId));
    }

    private static boolean isMonitorOf(long pid, String monitoredId) {
        List<String> argv;
        try {
            argv = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException gone) {
            return false;
        }
        if (argv.isEmpty() || argv.get(0).isEmpty() || !Path.of(argv.get(0)).getFileName().toString().equals("conmon")) {
            return false;
        }
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals("-u") && argv.get(i + 1).equals(monitoredId)) {
                return true;
            }
        }
        return false;
    }
}
