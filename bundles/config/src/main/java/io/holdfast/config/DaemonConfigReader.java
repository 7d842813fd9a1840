package io.holdfast.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.config.AddressPool;
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
 * Turns daemon.json plus the command-line flags into a validated {@link DaemonConfig}, or a {@link ConfigException}
 * naming the file, line, column and key. Keys that mean what Docker's mean carry Docker's names.
 *
 * <pre>{@code DaemonConfig config = new DaemonConfigReader(RuntimeLocator.system()).read(flags);}</pre>
 */
final class DaemonConfigReader {
    static final Set<String> KEYS = Set.of("live-restore", "data-root", "exec-root", "hosts", "default-runtime",
            "runtimes", "storage-driver", "debug", "shutdown-timeout", "bridge", "bip", "mtu", "log-driver", "log-opts",
            StorageOptsKey.KEY, AddressPoolsKey.KEY);

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

    DaemonConfig read(FlagValues flags) throws ConfigException {
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
            if (!KEYS.contains(entry.getKey())) {
                throw error(file, entry.getValue(), entry.getKey(), "unknown key; known keys are "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
            if (flags.values().containsKey(entry.getKey())) {
                throw error(file, entry.getValue(), entry.getKey(), "also given as the flag "
                        + FlagValues.flagFor(entry.getKey()) + "; set it in one place only");
            }
        }
        ConfigValues values = new ConfigValues(file, entries, flags.values());
        Map<String, OciRuntime> known = new LinkedHashMap<>(runtimes.builtIn());
        known.putAll(values.runtimes("runtimes"));
        String defaultRuntime = values.string("default-runtime", "runc");
        if (!known.containsKey(defaultRuntime)) {
            throw values.invalid("default-runtime", "runtime \"" + defaultRuntime + "\" is not installed"
                    + " (apt-get install " + defaultRuntime + ") and not configured under \"runtimes\"");
        }
        List<AddressPool> pools = AddressPoolsKey.read(values);
        // bip wins; without it the pools give the bridge its subnet, as they do for Docker's default bridge
        String bip = values.isSet("bip") || pools.isEmpty() ? values.cidr("bip", "172.30.0.1/16")
                : AddressPoolsKey.bridgeAddress(pools.get(0));
        return new DaemonConfig(file, values.bool("live-restore", true),
                values.absolutePath("data-root", "/var/lib/holdfast"),
                values.absolutePath("exec-root", "/run/holdfast"),
                values.hosts("hosts", List.of("unix:///run/holdfast.sock")),
                defaultRuntime, known,
                values.string("storage-driver", defaultStorageDriver),
                values.bool("debug", false),
                values.nonNegativeInt("shutdown-timeout", 15),
                values.bridgeName("bridge", "holdfast0"),
                bip,
                values.intInRange("mtu", 1500, 576, 65535),
                LogKeys.driver(values),
                LogKeys.sizeMax(values),
                StorageOptsKey.read(values),
                pools);
    }

    private static ConfigException error(String file, JsonKeys.Entry where, String key, String message) {
        return ConfigValues.error(file, where, key, message);
    }
}
