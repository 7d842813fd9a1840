package io.holdfast.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the engine runs in a cgroup whose teardown would kill the containers' monitors. The monitors (conmon) are
 * the engine's children and stay in its cgroup; a systemd service with the default {@code KillMode=control-group}
 * (or {@code mixed}) kills every process of that cgroup whenever the engine stops, restarts or dies, so the
 * containers would lose their monitors, which is exactly what live restore promises not to do.
 *
 * <pre>{@code
 * CgroupTeardownCheck.warning(Files.readString(Path.of("/proc/self/cgroup")), CgroupTeardownCheck::systemctlKillMode)
 *         .ifPresent(System.err::println);
 * }</pre>
 */
final class CgroupTeardownCheck {
    private CgroupTeardownCheck() {
    }

    /** The warning for this process, or empty; never fails the start (a check that cannot run says so). */
    static Optional<String> forThisProcess() {
        try {
            return warning(Files.readString(Path.of("/proc/self/cgroup")), CgroupTeardownCheck::systemctlKillMode);
        } catch (IOException e) {
            return Optional.empty(); // no /proc/self/cgroup: no cgroups, nothing to tear down
        }
    }

    /**
     * The warning for a process whose {@code /proc/<pid>/cgroup} reads {@code procCgroup}, given how to learn a
     * unit's {@code KillMode} (empty when it cannot be learnt).
     */
    static Optional<String> warning(String procCgroup, Function<String, Optional<String>> killModeOf) {
        Optional<String> unit = serviceUnit(procCgroup);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> killMode = killModeOf.apply(unit.get());
        if (killMode.isPresent() && (killMode.get().equals("process") || killMode.get().equals("none"))) {
            return Optional.empty();
        }
        String what = killMode.map(mode -> "with KillMode=" + mode)
                .orElse("whose KillMode could not be read (systemctl show " + unit.get() + " failed)");
        return Optional.of("WARNING: holdfastd runs in the cgroup of " + unit.get() + " " + what + ": when that"
                + " service stops, restarts or the engine dies, systemd kills every process in it, the containers'"
                + " monitors (conmon) included, and live restore cannot adopt them. Set KillMode=process and"
                + " Delegate=yes in the unit, as the distribution's lib/systemd/system/holdfast.service does.");
    }

    /**
     * The systemd service whose cgroup holds the process: the last {@code *.service} component of its path in the
     * unified hierarchy ({@code 0::}), or in systemd's own v1 hierarchy ({@code name=systemd}) on a v1 host.
     */
    static Optional<String> serviceUnit(String procCgroup) {
        String unified = null;
        String named = null;
        for (String line : procCgroup.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                unified = fields[2];
            } else if (fields[1].equals("name=systemd")) {
                named = fields[2];
            }
        }
        String path = named != null ? named : unified; // on a hybrid host systemd tracks units in name=systemd
        if (path == null) {
            return Optional.empty();
        }
        String unit = null;
        for (String component : path.split("/")) {
            if (component.endsWith(".service")) {
                unit = component;
            }
        }
        return Optional.ofNullable(unit);
    }

    /** {@code systemctl show -p KillMode --value UNIT}, or empty when systemctl is missing or fails. */
    static Optional<String> systemctlKillMode(String unit) {
        try {
            Process show = new ProcessBuilder("systemctl", "show", "--property=KillMode", "--value", unit)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(show.getInputStream().readAllBytes()).trim();
            if (!show.waitFor(10, TimeUnit.SECONDS) || show.exitValue() != 0 || out.isEmpty()) {
                show.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
