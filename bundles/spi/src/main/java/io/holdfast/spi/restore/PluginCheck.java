package io.holdfast.spi.restore;

import java.util.Map;

/**
 * What the restore found when it handed one plugin its containers.
 *
 * @param kind   {@code storage} or {@code network}
 * @param name   the plugin's name, e.g. {@code overlay}
 * @param ok     its restore call succeeded
 * @param detail how many containers it was given, or why it failed
 * @param settings the plugin's own settings now (see {@code StorageDriver.settings()}), which containers recorded
 *               when they were created
 */
public record PluginCheck(String kind, String name, boolean ok, String detail, Map<String, String> settings) {
    public PluginCheck {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
