package io.holdfast.common.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a cgroup is frozen ({@code runc pause}): v1's {@code freezer.state}, else v2's {@code cgroup.freeze}. */
public final class Freezer {
    private Freezer() {
    }

    /** True if the process's cgroup is frozen or freezing; false if it is thawed or its files cannot be read. */
    public static boolean frozen(ProcessCgroups cgroups) {
        Optional<Path> v1 = cgroups.v1("freezer");
        if (v1.isPresent()) {
            String state = read(v1.get().resolve("freezer.state"));
            return state.equals("FROZEN") || state.equals("FREEZING");
        }
        return cgroups.v2().map(dir -> read(dir.resolve("cgroup.freeze")).equals("1")).orElse(false);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
