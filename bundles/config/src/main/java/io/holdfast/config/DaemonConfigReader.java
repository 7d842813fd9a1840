package io.holdfast.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.monitor.OciRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns daemon.json plus the command-line flags into a validated {@link DaemonConfig} (the engine's core keys), or a
 * {@link ConfigException} naming the file, line, column and key. Keys that mean what Docker's mean carry Docker's
 * names. Keys the core does not own are left for their owners ({@link KeyOwners}); {@code storage-opts} is read
 * here for its syntax only, its entries belong to the storage drivers.
 *
 * <pre>{@code
 * DaemonFile file = reader.file(flags);
 * DaemonConfig config = reader.core(file, flags);
 * }</pre>
 */
final class DaemonConfigReader {
    /** The keys the engine itself owns. */
    static final Set<String> KEYS = Set.of("live-restore", "data-root", "exec-root", "hosts", "default-runtime",
            "runtimes", "storage-driver", "debug", "shutdown-timeout", "log-driver", "log-opts", StorageOptsKey.KEY);

    private final ObjectMapper mapper = new ObjectMapper();
    private final RuntimeLocator runtimes;
    private final String defaultStorageDriver;

    /**
     * @param runtimes             finds the built-in OCI runtimes
     * @param defaultStorageDriver {@code overlay} where the kernel has overlayfs, else {@code vfs}
     */
    DaemonConfigReader(RuntimeLocator runtimes, String defaultStorageDriver) {
        this.runtimes = runtimes;
        this.defaultStorageDriver = defaultStorageDriver;
    }

    /** Docker's choice: overlay where the kernel supports overlayfs. */
    static String kernelDefaultStorageDriver() {
        try {
            return Files.readString(Path.of("/proc/filesystems")).lines().anyMatch(l -> l.endsWith("\toverlay"))
                    ? "overlay" : "vfs";
        } catch (IOException e) {
            return "vfs";
        }
    }

    /** Reads the file and its core keys together; for tests and callers that need no plugin keys. */
    DaemonConfig read(FlagValues flags) throws ConfigException {
        return core(file(flags), flags);
    }

    /** Parses daemon.json (none: all defaults), refusing a key also given as a flag; checks no value yet. */
    DaemonFile file(FlagValues flags) throws ConfigException {
        String file = flags.configFile();
        Map<String, JsonKeys.Entry> entries = Map.of();
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.exists(path)) {
                throw new ConfigException(file + ": no such file (given with --config)");
            }
            try {
                entries = JsonKeys.parse(mapper, file, Files.readAllBytes(path));
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage());
            }
        }
        for (var entry : entries.entrySet()) {
            if (flags.values().containsKey(entry.getKey())) {
                throw error(file, entry.getValue(), entry.getKey(), "also given as the flag "
                        + FlagValues.flagFor(entry.getKey()) + "; set it in one place only");
            }
        }
        return new DaemonFile(file, entries, StorageOptsKey.read(new ConfigValues(file, entries, flags.values())));
    }

    /** The core keys of {@code file}, checked; other keys are not looked at. */
    DaemonConfig core(DaemonFile file, FlagValues flags) throws ConfigException {
        ConfigValues values = new ConfigValues(file.path(), file.entries(), flags.values());
        Map<String, OciRuntime> known = new LinkedHashMap<>(runtimes.builtIn());
        known.putAll(values.runtimes("runtimes"));
        String defaultRuntime = values.string("default-runtime", "runc");
        if (!known.containsKey(defaultRuntime)) {
            throw values.invalid("default-runtime", "runtime \"" + defaultRuntime + "\" is not installed"
                    + " (apt-get install " + defaultRuntime + ") and not configured under \"runtimes\"");
        }
        return new DaemonConfig(file.path(), values.bool("live-restore", true),
                values.absolutePath("data-root", "/var/lib/holdfast"),
                values.absolutePath("exec-root", "/run/holdfast"),
                values.hosts("hosts", List.of("unix:///run/holdfast.sock")),
                defaultRuntime, known,
                values.string("storage-driver", defaultStorageDriver),
                values.bool("debug", false),
                values.nonNegativeInt("shutdown-timeout", 15),
                LogKeys.driver(values),
                LogKeys.sizeMax(values));
    }

    private static ConfigException error(String file, JsonKeys.Entry where, String key, String message) {
        return ConfigValues.error(file, where, key, message);
    }
}
