package io.holdfast.config;

import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the built-in OCI runtimes (runc, crun) that are installed on this host. */
interface RuntimeLocator {

    Map<String, OciRuntime> builtIn();

    /** Looks for runc and crun on PATH and in Debian's usual places. */
    static RuntimeLocator system() {
        return () -> {
            Map<String, OciRuntime> found = new LinkedHashMap<>();
            for (String name : List.of("runc", "crun")) {
                find(name).ifPresent(path -> found.put(name, new OciRuntime(name, path.toString())));
            }
            return found;
        };
    }

    private static java.util.Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
