package io.holdfast.metrics;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * daemon.json's {@code metrics-addr} (dockerd's name): opt-in, so the key's absence or {@code ""} serves nothing. A
 * reload applies a change at once: the server moves to the new address or stops.
 */
@Component(property = ConfigKeys.OWNER + "=" + MetricsKeys.OWNER)
public class MetricsKeys implements ConfigKeys {
    static final String OWNER = "metrics";
    private static final List<ConfigKey> KEYS = List.of(ConfigKey.live(MetricsAddress.KEY, MetricsAddress.FORMAT,
            "none (no metrics served)", "where the engine's metrics are served, in Prometheus' text format"));

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public List<ConfigKey> keys() {
        return KEYS;
    }

    @Override
    public Map<String, Object> check(Map<String, Object> values) throws InvalidValueException {
        Object value = values.getOrDefault(MetricsAddress.KEY, "");
        if (!(value instanceof String text)) {
            throw new InvalidValueException(MetricsAddress.KEY, "expected a string such as \"127.0.0.1:9323\", found "
                    + value);
        }
        if (!text.isEmpty()) {
            MetricsAddress.parse(text);
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        checked.put(MetricsAddress.KEY, text);
        return checked;
    }
}
