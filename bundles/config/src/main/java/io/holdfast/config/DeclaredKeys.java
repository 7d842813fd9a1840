package io.holdfast.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Which component declared each daemon.json key on this data root, remembered across restarts in
 * {@code <data-root>/declared-keys.json}: it tells a key whose plugin is missing now (kept, checked when the plugin
 * is back) from a key no component ever declared (a typing error, refused).
 *
 * <pre>{@code
 * DeclaredKeys declared = DeclaredKeys.load(dataRoot);
 * declared.remember(bridgeKeys);          // written once, atomically, when it adds something
 * declared.ownerOf("bip");                // "bridge", also after a restart without the bridge plugin
 * }</pre>
 */
final class DeclaredKeys {
    private static final Logger LOG = Logger.getLogger(DeclaredKeys.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> owners;

    private DeclaredKeys(Path file, Map<String, String> owners) {
        this.file = file;
        this.owners = owners;
    }

    /** The keys remembered under {@code dataRoot}; none when the file is missing or unreadable (said in the log). */
    static DeclaredKeys load(Path dataRoot) {
        Path file = dataRoot.resolve("declared-keys.json");
        Map<String, String> owners = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                owners.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                LOG.warning(() -> "cannot read " + file + " (" + e.getMessage() + "); keys of plugins not installed "
                        + "now will be refused until those plugins are installed again");
            }
        }
        return new DeclaredKeys(file, owners);
    }

    /** Records {@code declaring}'s top-level keys; writes the file only when that adds or changes something. */
    synchronized void remember(ConfigKeys declaring) {
        boolean changed = false;
        for (ConfigKey key : declaring.keys()) {
            if (!key.isStorageOption()) {
                changed |= !declaring.owner().equals(owners.put(key.name(), declaring.owner()));
            }
        }
        if (changed) {
            try {
                AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(owners));
            } catch (IOException e) {
                LOG.warning(() -> "cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** The component that declared {@code key} on this data root, or null if none ever did. */
    synchronized String ownerOf(String key) {
        return owners.get(key);
    }
}
