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
        endForwarders(root.resolve("data/ports"));
        java.util.Set<String> ids = new java.util.TreeSet<>();
        Path containers = root.resolve("data/containers");
        if (Files.isDirectory(containers)) {
            try (Stream<Path> dirs = Files.list(containers)) {
                dirs.forEach(dir -> ids.add(dir.getFileName().toString()));
            }
        }
        // a kill between an attach's lease and its record, or a removal's record and its detach, leaves a
        // namespace only a lease names; the engine's next restore would sweep it, but a test may end before one
        ids.addAll(leasedIds(root.resolve("data/network/bridge")));
        for (String id : ids) {
            String netns = "holdfast-" + id.substring(0, Math.min(12, id.length()));
            if (Files.exists(Path.of("/run/netns", netns))) {
                run(List.of("ip", "netns", "delete", netns)); // takes the container's ends of its veths with it
            }
        }
        if (Files.exists(Path.of("/sys/class/net", bridge))) {
            run(List.of("ip", "link", "delete", bridge));
        }
        removeUserNetworkBridges(root.resolve("data/network/user"));
        unmountUnder(root);
        Directories.deleteTree(root);
    }

    /** The container ids in every bridge's {@code leases.json} under {@code bridges}. */
    private static java.util.Set<String> leasedIds(Path bridges) throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        if (!Files.isDirectory(bridges)) {
            return ids;
        }
        try (Stream<Path> dirs = Files.list(bridges)) {
            for (Path leases : dirs.map(d -> d.resolve("leases.json")).filter(Files::isRegularFile).toList()) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(leases.toFile()).path("leases")
                        .fieldNames().forEachRemaining(ids::add);
            }
        }
        return ids;
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

    /**
     * The published ports' forwarders (socat, in sessions of their own) the engine recorded: each is ended if that
     * very process (same start time) still runs, with the children it forked for connections.
     */
    private static void endForwarders(Path ports) throws IOException {
        if (!Files.isDirectory(ports)) {
            return;
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> files = Files.list(ports)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (var forwarder : json.readTree(file.toFile())) {
                    long pid = forwarder.path("pid").asLong();
                    long ticks = forwarder.path("startTicks").asLong();
                    ProcessHandle.of(pid).filter(p -> startTicks(pid) == ticks).ifPresent(p -> {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    });
                }
            }
        }
    }

    private static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
        } catch (IOException | RuntimeException e) {
            return -1;
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
