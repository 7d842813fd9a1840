package io.holdfast.registry;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The daemon.json key the registry client owns: {@code insecure-registries}, the registries reached over plain HTTP
 * besides loopback. Live: the next pull or push uses the new list.
 */
@Component(property = ConfigKeys.OWNER + "=" + RegistryKeys.OWNER)
public class RegistryKeys implements ConfigKeys {
    static final String OWNER = "registry";
    static final String INSECURE = "insecure-registries";

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(ConfigKey.live(INSECURE, "a list of host[:port] or IPv4 CIDR strings", "[] (loopback is"
                + " always plain HTTP)", "registries pulled from and pushed to over plain HTTP instead of HTTPS"));
    }

    @Override
    public Map<String, Object> check(Map<String, Object> values) throws InvalidValueException {
        Object value = values.getOrDefault(INSECURE, List.of());
        if (!(value instanceof List<?> list)) {
            throw new InvalidValueException(INSECURE, "expected a list of strings, found " + value);
        }
        List<String> entries = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof String s) || s.isBlank()) {
                throw new InvalidValueException(INSECURE, "expected host[:port] or a CIDR, found " + entry);
            }
            entries.add(s);
        }
        try {
            new RegistryEndpoints(entries);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(INSECURE, e.getMessage());
        }
        return Map.of(INSECURE, List.copyOf(entries));
    }

    /** The checked list from a component config's values. */
    static List<String> insecure(Map<String, Object> values) {
        Object value = values.get(INSECURE);
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
