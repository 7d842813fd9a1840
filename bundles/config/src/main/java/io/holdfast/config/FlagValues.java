package io.holdfast.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The daemon's command-line flags, handed over by the launcher as framework properties, keyed by the daemon.json key
 * each one sets. A key given both here and in the file is an error, as in Docker.
 */
record FlagValues(String configFile, Map<String, Object> values) {
    static final String CONFIG = "holdfast.config";
    static final String DATA_ROOT = "holdfast.data-root";
    static final String EXEC_ROOT = "holdfast.exec-root";
    static final String HOSTS = "holdfast.hosts";

    static FlagValues from(Function<String, String> property) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "data-root", property.apply(DATA_ROOT));
        put(values, "exec-root", property.apply(EXEC_ROOT));
        String hosts = property.apply(HOSTS);
        if (hosts != null && !hosts.isBlank()) {
            values.put("hosts", List.of(hosts.split(",")));
        }
        return new FlagValues(property.apply(CONFIG), values);
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    /** The flag's spelling, for error messages. */
    static String flagFor(String key) {
        return key.equals("hosts") ? "-H/--host" : "--" + key;
    }
}
