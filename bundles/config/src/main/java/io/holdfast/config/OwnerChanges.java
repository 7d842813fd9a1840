package io.holdfast.config;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.SettingChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One owner's side of a reload: which of its keys changed, split by what the owner declared ({@link ConfigKey#live}),
 * and the values it gets now: the changed live keys, and the running values of the others, which wait for a restart.
 *
 * <pre>{@code
 * ConfigUpdate changes = OwnerChanges.classify(keys, running, candidate);
 * Map<String, Object> now = OwnerChanges.merge(keys, running, candidate);
 * }</pre>
 *
 * Pure: no I/O, safe from any thread.
 */
final class OwnerChanges {
    private OwnerChanges() {
    }

    /** The declared keys whose values differ between {@code running} and {@code candidate}, in declared order. */
    static ConfigUpdate classify(List<ConfigKey> keys, Map<String, Object> running, Map<String, Object> candidate) {
        List<SettingChange> live = new ArrayList<>();
        List<SettingChange> restart = new ArrayList<>();
        for (ConfigKey key : keys) {
            Object before = running.get(key.name());
            Object after = candidate.get(key.name());
            if (!Objects.equals(before, after)) {
                (key.live() ? live : restart).add(new SettingChange(key.name(), display(before), display(after)));
            }
        }
        return new ConfigUpdate(live, restart);
    }

    /**
     * What the owner runs with after a reload: live keys from {@code candidate}, the others as they run (a key the
     * running values lack, one a newer revision of the owner added, comes from {@code candidate}).
     */
    static Map<String, Object> merge(List<ConfigKey> keys, Map<String, Object> running, Map<String, Object> candidate) {
        Map<String, Object> merged = new LinkedHashMap<>(candidate);
        for (ConfigKey key : keys) {
            if (!key.live() && running.containsKey(key.name())) {
                merged.put(key.name(), running.get(key.name()));
            }
        }
        return merged;
    }

    private static String display(Object value) {
        return value == null ? "(unset)" : value.toString();
    }
}
