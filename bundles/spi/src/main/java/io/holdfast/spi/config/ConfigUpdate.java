package io.holdfast.spi.config;

import java.util.List;

/**
 * What reading daemon.json again found, once the whole file passed validation.
 *
 * @param reloadable   changes applied by the reload (or that would be, for a dry run), all together
 * @param needsRestart changes that take effect only when the engine restarts; reported as pending, never dropped
 */
public record ConfigUpdate(List<SettingChange> reloadable, List<SettingChange> needsRestart) {
    public ConfigUpdate {
        reloadable = List.copyOf(reloadable);
        needsRestart = List.copyOf(needsRestart);
    }

    public boolean isEmpty() {
        return reloadable.isEmpty() && needsRestart.isEmpty();
    }
}
