package io.holdfast.itests.support;

import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Removes what an engine under a test root left on the host, whatever state the test died in: every container the
 * runtimes still know (killed and deleted, which also removes its cgroups), every conmon whose command line names
 * the root, then the directory tree.
 */
final class HostCleanup {
    private HostCleanup() {
    }

    static void removeEverythingUnder(Path root, String bridge) throws Exception {
        Path runtimes = root.resolve("run/runtime");
        if (Files.isDirectory(runtimes)) {
            try (Stream<Path> roots = Files.list(runtimes)) {
                for (Path runtimeRoot : roots.toList()) {
                    String binary = runtimeRoot.getFileName().toString().equals("crun") ? "crun" : "runc";
                    for (String id : run(List.of(binary, "--root", runtimeRoot.toString(), "list", "-q")).lines()
                            .filter(l -> !l.isBlank()).toList()) {
                        run(List.of(binary, "--root", runtimeRoot.toString(), "kill", id, "KILL"));
                        run(List.of(binary, "--root", runtimeRoot.toString(), "delete", "--force", id));
                    }
                }
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("conmon") && c.contains(root.toString()))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        Path containers = root.resolve("data/containers");
        if (Files.isDirectory(containers)) {
            try (Stream<Path> ids = Files.list(containers)) {
                for (Path id : ids.toList()) {
                    String netns = "holdfast-" + id.getFileName().toString().substring(0, 12);
                    if (Files.exists(Path.of("/run/netns", netns))) {
                        run(List.of("ip", "netns", "delete", netns));
                    }
                }
            }
        }
        if (Files.exists(Path.of("/sys/class/net", bridge))) {
            run(List.of("ip", "link", "delete", bridge));
        }
        removeUserNetworkBridges(root.resolve("data/network/user"));
        unmountUnder(root);
        Directories.deleteTree(root);
    }

    /** The Linux bridges of the user-defined networks the test left, named in their records. */
    private static void removeUserNetworkBridges(Path records) throws Exception {
        if (!Files.isDirectory(records)) {
            return;
        }
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String bridge = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile())
                        .path("bridge").asText("");
                if (!bridge.isEmpty() && Files.exists(Path.of("/sys/class/net", bridge))) {
                    run(List.of("ip", "link", "delete", bridge));
                }
            }
        }
    }

    /** Overlay mounts of containers the test left behind, deepest first. */
    private static void unmountUnder(Path root) throws IOException, InterruptedException {
        List<String> mountPoints = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" ")[4].replace("\\040", " "))
                .filter(point -> point.startsWith(root.toString() + "/"))
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String point : mountPoints) {
            if (!run(List.of("umount", point)).isBlank()) {
                run(List.of("umount", "-l", point));
            }
        }
    }

    private static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        return out;
    }

}
