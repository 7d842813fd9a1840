package io.holdfast.spi.config;

/**
 * One daemon.json key whose value a reload found changed.
 *
 * @param key      the daemon.json key, e.g. {@code shutdown-timeout}
 * @param oldValue the running value, as text
 * @param newValue the value in the file now, as text
 */
public record SettingChange(String key, String oldValue, String newValue) {
    @Override
    public String toString() {
        return key + ": " + oldValue + " -> " + newValue;
    }
}
