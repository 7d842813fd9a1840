package io.holdfast.config;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.InvalidValueException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sorts daemon.json's keys by owner: the engine's core keys, each installed component's (as its {@link ConfigKeys}
 * declares them), and keys nobody declares. Hands each owner its values, runs its check, and places any error at
 * the key's line and column.
 *
 * <pre>{@code
 * KeyOwners owners = new KeyOwners(installedKeys, Set.of("overlay", "vfs"));
 * Map<String, Map<String, Object>> checked = owners.checkAll(file);   // owner -> values, or ConfigException
 * owners.unclaimed(file).forEach(LOG::warning);
 * }</pre>
 *
 * A key no installed component declares is an error, unless a component declared it earlier on this data root
 * ({@link DeclaredKeys}): that one belongs to a plugin missing now, and refusing it would keep the engine from
 * starting without that plugin, so it is reported and checked when the plugin is back. A {@code storage-opts} entry naming an installed driver is that driver's, so one
 * the driver does not declare is an error. Pure apart from what the owners' checks do.
 */
final class KeyOwners {
    private final Map<String, ConfigKeys> owners = new TreeMap<>();
    private final Set<String> storageDrivers;
    private final java.util.function.Function<String, String> earlierOwner;

    /**
     * @param owners         the installed components' declarations
     * @param storageDrivers names of the installed storage drivers
     * @param earlierOwner   the component that declared a key earlier on this data root, or null
     */
    KeyOwners(Collection<ConfigKeys> owners, Set<String> storageDrivers,
              java.util.function.Function<String, String> earlierOwner) {
        owners.forEach(o -> this.owners.put(o.owner(), o));
        this.storageDrivers = Set.copyOf(storageDrivers);
        this.earlierOwner = earlierOwner;
    }

    /** Fails on the first top-level key that neither the engine nor any component, installed or earlier, declares. */
    void rejectUnknown(DaemonFile file) throws ConfigException {
        Set<String> declared = declaredNames();
        for (String key : file.entries().keySet()) {
            if (!DaemonConfigReader.KEYS.contains(key) && !declared.contains(key) && earlierOwner.apply(key) == null) {
                throw file.error(key, "unknown key: no installed component declares it, and none did before on this "
                        + "data root (known keys: " + String.join(", ", knownKeys()) + ")");
            }
        }
    }

    /** Why {@code arriving} cannot own its keys (a core key, or another owner's), or {@code null}. */
    String conflict(ConfigKeys arriving) {
        for (ConfigKey key : arriving.keys()) {
            if (DaemonConfigReader.KEYS.contains(key.name())) {
                return "key \"" + key.name() + "\" belongs to the engine";
            }
            for (ConfigKeys other : owners.values()) {
                if (!other.owner().equals(arriving.owner())
                        && other.keys().stream().anyMatch(k -> k.name().equals(key.name()))) {
                    return "key \"" + key.name() + "\" already belongs to " + other.owner();
                }
            }
        }
        return null;
    }

    /** Every owner's checked values, by owner name; the first problem found fails them all. */
    Map<String, Map<String, Object>> checkAll(DaemonFile file) throws ConfigException {
        checkStorageOptionsOfInstalledDrivers(file);
        Map<String, Map<String, Object>> checked = new LinkedHashMap<>();
        for (ConfigKeys owner : owners.values()) {
            checked.put(owner.owner(), check(owner, file));
        }
        return checked;
    }

    /** {@code owner}'s values in {@code file}, checked by it. */
    static Map<String, Object> check(ConfigKeys owner, DaemonFile file) throws ConfigException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : owner.keys()) {
            if (key.isStorageOption() && file.storageOptions().containsKey(key.name())) {
                values.put(key.name(), file.storageOptions().get(key.name()));
            } else if (!key.isStorageOption() && file.entries().containsKey(key.name())) {
                values.put(key.name(), file.plainValue(key.name()));
            }
        }
        try {
            return owner.check(values);
        } catch (InvalidValueException e) {
            boolean option = owner.keys().stream().anyMatch(k -> k.name().equals(e.key()) && k.isStorageOption());
            throw option ? file.storageOptionError(e.key(), e.getMessage()) : file.error(e.key(), e.getMessage());
        } catch (RuntimeException e) { // a bug in the owner's check must not pass its values unchecked
            throw new ConfigException((file.path() == null ? "configuration" : file.path()) + ": " + owner.owner()
                    + " could not check its keys: " + e);
        }
    }

    /**
     * One sentence per key that waits for its component: declared earlier on this data root by one not installed now
     * (keys nobody ever declared are {@link #rejectUnknown refused}), each with its place in the file.
     */
    List<String> unclaimed(DaemonFile file) {
        List<String> unclaimed = new ArrayList<>();
        Set<String> declared = declaredNames();
        for (String key : file.entries().keySet()) {
            String earlier = earlierOwner.apply(key);
            if (!DaemonConfigReader.KEYS.contains(key) && !declared.contains(key) && earlier != null) {
                unclaimed.add(file.error(key, "belongs to " + earlier + ", which is not installed now; it is "
                        + "checked when it is").getMessage());
            }
        }
        for (String option : file.storageOptions().keySet()) {
            String driver = driverOf(option);
            if (!storageDrivers.contains(driver) && !declared.contains(option)) {
                unclaimed.add(file.storageOptionError(option, "no storage driver " + driver + " is installed; the "
                        + "option is checked when it is").getMessage());
            }
        }
        return unclaimed;
    }

    /** The top-level keys daemon.json accepts now: the core's and every installed owner's, sorted. */
    List<String> knownKeys() {
        Set<String> known = new TreeSet<>(DaemonConfigReader.KEYS);
        owners.values().forEach(o -> o.keys().stream().filter(k -> !k.isStorageOption())
                .forEach(k -> known.add(k.name())));
        return List.copyOf(known);
    }

    private void checkStorageOptionsOfInstalledDrivers(DaemonFile file) throws ConfigException {
        Set<String> declared = declaredNames();
        for (String option : file.storageOptions().keySet()) {
            String driver = driverOf(option);
            if (storageDrivers.contains(driver) && !declared.contains(option)) {
                List<String> options = declaredNames().stream().filter(n -> n.startsWith(driver + ".")).toList();
                throw file.storageOptionError(option, options.isEmpty() ? "the " + driver + " storage driver has no "
                        + "options" : "the " + driver + " storage driver has no such option; its options: "
                        + String.join(", ", options));
            }
        }
    }

    private Set<String> declaredNames() {
        Set<String> names = new TreeSet<>();
        owners.values().forEach(o -> o.keys().forEach(k -> names.add(k.name())));
        return names;
    }

    private static String driverOf(String option) {
        return option.substring(0, option.indexOf('.'));
    }
}
