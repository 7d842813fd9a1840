package io.holdfast.shim;

import java.io.FileInputStream;
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
    /**
     * Enough of the line for field 22 whatever it holds: pid, a command name of at most 16 bytes in parentheses, and
     * 19 numeric fields of at most 20 digits each come before it.
     */
    private static final int STAT_HEAD_BYTES = 512;

    private ProcessProbe() {
    }

    /**
     * The process's start time in clock ticks since boot (field 22 of {@code /proc/PID/stat}), or -1 if gone. The
     * shim's sweep asks this of every held monitor each second, so it reads the line's head into one small array and
     * parses it in place: splitting the whole line into strings made most of an idle engine's garbage.
     */
    static long startTime(long pid) {
        if (pid <= 0) {
            return -1;
        }
        byte[] stat = new byte[STAT_HEAD_BYTES];
        int length;
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
            length = in.readNBytes(stat, 0, stat.length);
        } catch (IOException gone) {
            return -1;
        }
        return startTimeOf(stat, length);
    }

    /** Field 22 of a {@code /proc/PID/stat} line's first {@code length} bytes; -1 for a zombie or a line cut short. */
    static long startTimeOf(byte[] stat, int length) {
        // The command name (field 2) is in parentheses and may contain spaces and ')': fields count from the last ')'.
        int at = length - 1;
        while (at >= 0 && stat[at] != ')') {
            at--;
        }
        at += 2; // field 3, the state
        if (at <= 1 || at >= length || stat[at] == 'Z' || stat[at] == 'X') {
            return -1;
        }
        for (int field = 3; field < 22; at++) {
            if (at >= length) {
                return -1;
            }
            if (stat[at] == ' ') {
                field++;
            }
        }
        long start = 0;
        int digits = 0;
        for (; at < length && stat[at] >= '0' && stat[at] <= '9'; at++, digits++) {
            start = start * 10 + (stat[at] - '0');
        }
        return digits > 0 && (at < length && stat[at] == ' ') ? start : -1;
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
