package io.holdfast.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command inside a running container's namespaces without the engine (through {@code nsenter}), so a test
 * can act as the container while the engine is down.
 */
public final class ContainerNamespaces {
    private ContainerNamespaces() {
    }

    /** Runs busybox {@code argv} inside container process {@code pid}'s mount, network and UTS namespaces. */
    public static String inside(long pid, String... argv) throws Exception {
        List<String> command = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-m", "-n", "-u", "--"));
        command.addAll(List.of(argv));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
        return out.strip();
    }
}
