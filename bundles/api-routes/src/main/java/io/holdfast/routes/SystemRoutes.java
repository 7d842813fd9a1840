package io.holdfast.routes;

import io.holdfast.common.docker.DockerViews;
import io.holdfast.common.docker.EngineIdentity;
import io.holdfast.docker.model.SystemInfo;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.monitor.OciRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /info} and the swarm probes ({@code /_ping} and {@code /version} are the sockets' own: bundles/api). */
final class SystemRoutes {

    private final EngineVersion version;
    private final Supplier<DaemonConfig> config;
    private final Supplier<Containers> containers;
    private final Supplier<Images> images;

    SystemRoutes(EngineVersion version, Supplier<DaemonConfig> config, Supplier<Containers> containers,
                 Supplier<Images> images) {
        this.version = version;
        this.config = config;
        this.containers = containers;
        this.images = images;
    }

    void register(Router router) {
        router.add("GET", "/info", e -> e.sendJson(200, info()))
                // Docker clients probe these and expect a non-swarm dockerd's answer, not a 404
                .add("GET", "/swarm", SystemRoutes::notInSwarm)
                .add("POST", "/swarm/leave", SystemRoutes::notInSwarm);
    }

    private SystemInfo info() {
        DaemonConfig cfg = config.get();
        List<ContainerRecord> all = containers.get().list();
        long running = all.stream().filter(c -> c.state().running()).count();
        Map<String, SystemInfo.Runtime> runtimes = new LinkedHashMap<>();
        for (OciRuntime runtime : cfg.runtimes().values()) {
            runtimes.put(runtime.name(), new SystemInfo.Runtime(runtime.path()));
        }
        return new SystemInfo(version.engineId(), hostname(), version.version(), all.size(), running, 0,
                all.size() - running, images.get().list().size(), cfg.storageDriver(), cfg.liveRestore(),
                cfg.defaultRuntime(), runtimes, cfg.dataRoot(), System.getProperty("os.version"),
                System.getProperty("os.name"), "linux", EngineIdentity.architecture(),
                Runtime.getRuntime().availableProcessors(), memTotal(), cfg.debug(), false, "cgroupfs", cgroupVersion(),
                "json-file");
    }

    private static void notInSwarm(ApiExchange e) throws java.io.IOException {
        e.sendError(503, "This node is not part of a swarm");
    }

    /** "2" on a unified (cgroup v2) hierarchy, as Docker reports it. */
    private static String cgroupVersion() {
        return java.nio.file.Files.exists(java.nio.file.Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1";
    }

    private static String hostname() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static long memTotal() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // fall through
        }
        return 0;
    }
}
