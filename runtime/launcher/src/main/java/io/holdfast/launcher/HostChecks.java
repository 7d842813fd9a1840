package io.holdfast.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What must be true of the host before the engine starts; each failure says how to fix it. */
final class HostChecks {
    private HostChecks() {
    }

    /** The first problem found, or null. */
    static String firstProblem() {
        if (uid() != 0) {
            return "must run as root (it creates namespaces, cgroups and mounts); try: sudo holdfastd";
        }
        if (!onPath("conmon")) {
            return "conmon is not installed; the engine needs it to monitor containers (apt-get install conmon)";
        }
        return null;
    }

    static long uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not knowing is not being root
        }
        return -1;
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/libexec/podman", program));
    }
}
