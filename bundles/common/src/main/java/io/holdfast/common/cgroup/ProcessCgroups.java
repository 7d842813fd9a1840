package io.holdfast.common.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a process's cgroups are, from {@code /proc/<pid>/cgroup}: per v1 controller, and in the v2 (unified)
 * hierarchy. Works on pure v2 hosts ({@code /sys/fs/cgroup} is cgroup2), hybrid ones ({@code /sys/fs/cgroup/unified})
 * and pure v1 ones.
 *
 * <pre>{@code ProcessCgroups cg = ProcessCgroups.of(Path.of("/sys/fs/cgroup"), pid);
 * Optional<Path> memory = cg.v2().isPresent() && cg.pureV2() ? cg.v2() : cg.v1("memory");}</pre>
 *
 * @param root        the cgroup file system's mount point, normally {@code /sys/fs/cgroup}
 * @param controllers v1 controller name to the process's path in that hierarchy
 * @param unifiedPath the process's path in the v2 hierarchy, or null if it has none
 */
public record ProcessCgroups(Path root, Map<String, String> controllers, String unifiedPath) {
    public static final Path ROOT = Path.of("/sys/fs/cgroup");

    public ProcessCgroups {
        controllers = Map.copyOf(controllers);
    }

    /** Reads {@code /proc/<pid>/cgroup}. */
    public static ProcessCgroups of(Path root, long pid) throws IOException {
        return parse(root, Files.readString(Path.of("/proc", Long.toString(pid), "cgroup")));
    }

    /** Parses the lines of {@code /proc/<pid>/cgroup}: {@code id:controller[,controller]:path}. */
    public static ProcessCgroups parse(Path root, String text) {
        Map<String, String> controllers = new HashMap<>();
        String unified = null;
        for (String line : text.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                unified = fields[2];
                continue;
            }
            for (String controller : fields[1].split(",")) {
                // the directory is named after the whole list ("cpu,cpuacct"); distributions link the parts to it
                controllers.put(controller, fields[1] + "\u0000" + fields[2]);
            }
        }
        return new ProcessCgroups(root, controllers, unified);
    }

    /** Whether the host runs cgroup v2 alone: every controller lives in the unified hierarchy. */
    public boolean pureV2() {
        return controllers.isEmpty() || Files.exists(root.resolve("cgroup.controllers"));
    }

    /** The directory of the process's cgroup for a v1 controller, e.g. {@code memory}. */
    public Optional<Path> v1(String controller) {
        String entry = controllers.get(controller);
        if (entry == null || pureV2()) {
            return Optional.empty();
        }
        int split = entry.indexOf('\u0000');
        return Optional.of(root.resolve(entry.substring(0, split)).resolve(relative(entry.substring(split + 1))));
    }

    /** The directory of the process's cgroup in the v2 hierarchy ({@code /sys/fs/cgroup} or its {@code unified}). */
    public Optional<Path> v2() {
        if (unifiedPath == null) {
            return Optional.empty();
        }
        Path base = pureV2() ? root : root.resolve("unified");
        return Optional.of(base.resolve(relative(unifiedPath)));
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
