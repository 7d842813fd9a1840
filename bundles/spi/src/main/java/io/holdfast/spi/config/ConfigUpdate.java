package io.holdfast.spi.config;

import java.util.List;

/**
 * What reading daemon.json again found, once the whole file passed validation.
 *
 * @param reloadable   changes applied by the reload (or that would be, for a dry run), all together
 * @param needsRestart changes that take effect only when the engine restarts; reported as pending, never dropped
 * @param unclaimed    keys no installed component declares, one sentence each with its place in the file: a key of
 *                     a plugin that is not installed, or a typing error. Checked when a plugin declaring it arrives
 */
public record ConfigUpdate(List<SettingChange> reloadable, List<SettingChange> needsRestart, List<String> unclaimed) {
    public ConfigUpdate {
        reloadable = List.copyOf(reloadable);
        needsRestart = List.copyOf(needsRestart);
        unclaimed = List.copyOf(unclaimed);
    }

    public ConfigUpdate(List<SettingChange> reloadable, List<SettingChange> needsRestart) {
        this(reloadable, needsRestart, List.of());
    }

    public boolean isEmpty() {
        return reloadable.isEmpty() && needsRestart.isEmpty();
    }
}
