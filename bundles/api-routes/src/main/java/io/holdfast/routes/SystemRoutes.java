package io.holdfast.routes;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.monitor.OciRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /_ping}, {@code /version}, {@code /info}. */
final class SystemRoutes {
    static final String API_VERSION = "1.41";

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
        router.add("GET", "/_ping", e -> e.sendText(200, "OK"))
                .add("HEAD", "/_ping", e -> e.sendEmpty(200))
                .add("GET", "/version", e -> e.sendJson(200, version()))
                .add("GET", "/info", e -> e.sendJson(200, info()));
    }

    private Map<String, Object> version() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Version", version.version());
        view.put("ApiVersion", API_VERSION);
        view.put("MinAPIVersion", "1.24");
        view.put("GitCommit", version.commit());
        view.put("Os", "linux");
        view.put("Arch", System.getProperty("os.arch"));
        view.put("KernelVersion", System.getProperty("os.version"));
        view.put("JavaVersion", System.getProperty("java.version"));
        return view;
    }

    private Map<String, Object> info() {
        DaemonConfig cfg = config.get();
        List<ContainerRecord> all = containers.get().list();
        long running = all.stream().filter(c -> c.state().running()).count();
        Map<String, Object> runtimes = new LinkedHashMap<>();
        for (OciRuntime runtime : cfg.runtimes().values()) {
            runtimes.put(runtime.name(), Map.of("path", runtime.path()));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ID", version.engineId());
        view.put("Name", hostname());
        view.put("ServerVersion", version.version());
        view.put("Containers", all.size());
        view.put("ContainersRunning", running);
        view.put("ContainersPaused", 0);
        view.put("ContainersStopped", all.size() - running);
        view.put("Images", images.get().list().size());
        view.put("Driver", cfg.storageDriver());
        view.put("LiveRestoreEnabled", cfg.liveRestore());
        view.put("DefaultRuntime", cfg.defaultRuntime());
        view.put("Runtimes", runtimes);
        view.put("DockerRootDir", cfg.dataRoot());
        view.put("KernelVersion", System.getProperty("os.version"));
        view.put("OperatingSystem", System.getProperty("os.name"));
        view.put("NCPU", Runtime.getRuntime().availableProcessors());
        view.put("MemTotal", memTotal());
        view.put("Debug", cfg.debug());
        return view;
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
