package io.holdfast.config;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component owning a few keys: each must be a whole number or a string of digits, and absent ones default to
 * {@code 0}. Records what it was handed.
 */
final class FakeKeys implements ConfigKeys {
    private final String owner;
    private final List<ConfigKey> keys;
    final List<Map<String, Object>> handed = new ArrayList<>();

    FakeKeys(String owner, ConfigKey... keys) {
        this.owner = owner;
        this.keys = List.of(keys);
    }

    static ConfigKey live(String name) {
        return ConfigKey.live(name, "a whole number", "0", "a test key");
    }

    static ConfigKey restart(String name) {
        return ConfigKey.restart(name, "a whole number", "0", "a test key");
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public List<ConfigKey> keys() {
        return keys;
    }

    @Override
    public Map<String, Object> check(Map<String, Object> values) throws InvalidValueException {
        handed.add(values);
        Map<String, Object> checked = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            Object value = values.getOrDefault(key.name(), 0);
            if (!(value instanceof Integer) && !(value instanceof String s && s.matches("\\d+"))) {
                throw new InvalidValueException(key.name(), "expected a whole number, found " + value);
            }
            checked.put(key.name(), value);
        }
        return checked;
    }
}
