package io.holdfast.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * daemon.json as read once: every top-level key with its value and position, and the {@code storage-opts} entries
 * ({@code "<driver>.<option>"} to value, in the order written). Which component each key belongs to is decided
 * elsewhere ({@link KeyOwners}); this only says where a key stands, so any error can name file, line and column.
 *
 * @param path           the file, or {@code null} when the engine runs on defaults
 * @param entries        top-level keys in the order written
 * @param storageOptions the entries of {@code storage-opts}, syntax already checked
 */
record DaemonFile(String path, Map<String, JsonKeys.Entry> entries, Map<String, String> storageOptions) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An error about {@code key}, at its place in the file. */
    ConfigException error(String key, String message) {
        JsonKeys.Entry where = entries.get(key);
        return where == null ? new ConfigException("default for \"" + key + "\": " + message)
                : ConfigValues.error(path, where, key, message);
    }

    /** An error about one {@code storage-opts} entry, at the place of {@code storage-opts}. */
    ConfigException storageOptionError(String option, String message) {
        int item = java.util.List.copyOf(storageOptions.keySet()).indexOf(option);
        return error(StorageOptsKey.KEY, "item [" + item + "] \"" + option + "\": " + message);
    }

    /** A top-level value as plain Java: String, Boolean, Integer, Long, Double, List, Map. */
    Object plainValue(String key) {
        try {
            return MAPPER.treeToValue(entries.get(key).value(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value no longer converts: " + key, e);
        }
    }
}
