package io.holdfast.itests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Memory figures read from {@code /proc} and {@code jcmd}. */
final class ProcStats {
    private ProcStats() {
    }

    /** Resident set size in KiB, 0 if the process is gone. */
    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return 0;
    }

    /** Peak resident set size in KiB since the process started or since {@link #resetPeakRss}; 0 if it is gone. */
    static long peakRssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return 0;
    }

    /** Starts {@link #peakRssKiB} over from the current RSS ({@code clear_refs} 5, Linux 4.0 on; needs root). */
    static void resetPeakRss(long pid) throws IOException {
        Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
    }

    /** The conmon processes whose command line mentions {@code root}. */
    static List<Long> conmonPids(Path root) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/conmon")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(root.toString())).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    /** Live heap of a JVM in KiB, after a full GC, from {@code jcmd PID GC.heap_info} ("used NNNK"). */
    static long liveHeapKiB(long pid) throws IOException, InterruptedException {
        run(List.of("jcmd", Long.toString(pid), "GC.run"));
        String info = run(List.of("jcmd", Long.toString(pid), "GC.heap_info"));
        long used = 0;
        var usedK = java.util.regex.Pattern.compile("used (\\d+)K");
        for (String line : info.split("\n")) {
            var m = usedK.matcher(line);
            if ((line.contains("generation") || line.contains("garbage-first heap")) && m.find()) {
                used += Long.parseLong(m.group(1)); // Serial GC prints young and tenured; metaspace is not heap
            }
        }
        return used;
    }

    private static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
