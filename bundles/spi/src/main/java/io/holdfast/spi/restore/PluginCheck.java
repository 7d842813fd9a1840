package io.holdfast.spi.restore;

/**
 * What the restore found when it handed one plugin its containers.
 *
 * @param kind   {@code storage} or {@code network}
 * @param name   the plugin's name, e.g. {@code overlay}
 * @param ok     its restore call succeeded
 * @param detail how many containers it was given, or why it failed
 */
public record PluginCheck(String kind, String name, boolean ok, String detail) {
}
