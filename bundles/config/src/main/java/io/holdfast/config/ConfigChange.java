package io.holdfast.config;

/**
 * One daemon.json key whose value differs between the running configuration and a newly read one, with both values
 * as they would be shown to the operator: {@code debug: false -> true}.
 *
 * @param key      the daemon.json key, e.g. {@code log-opts}
 * @param oldValue the running value, displayed
 * @param newValue the value read now, displayed
 */
public record ConfigChange(String key, String oldValue, String newValue) {

    @Override
    public String toString() {
        return key + ": " + oldValue + " -> " + newValue;
    }
}
