package io.holdfast.config;

import java.util.List;

/**
 * What a configuration reload would do: the changed keys it applies, and the changed keys that wait for the engine's
 * next start (reported as pending). Both lists follow the order of the keys in the README's table.
 *
 * @param reloadable   changes a reload applies
 * @param needsRestart changes that take effect only when the engine restarts
 */
public record ConfigChanges(List<ConfigChange> reloadable, List<ConfigChange> needsRestart) {

    public ConfigChanges {
        reloadable = List.copyOf(reloadable);
        needsRestart = List.copyOf(needsRestart);
    }

    /** Whether the new configuration differs from the running one at all. */
    public boolean isEmpty() {
        return reloadable.isEmpty() && needsRestart.isEmpty();
    }
}
