package io.holdfast.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code log-driver} and {@code log-opts}. Container logs are written by conmon, never by the engine, in the
 * {@code k8s-file} format that {@code holdfast logs} reads; so that is the only driver, and the only option is the one
 * conmon can honour: {@code max-size}.
 */
final class LogKeys {
    static final String DRIVER = "k8s-file";
    static final String MAX_SIZE = "max-size";

    private LogKeys() {
    }

    static String driver(ConfigValues values) throws ConfigException {
        String driver = values.string("log-driver", DRIVER);
        if (driver.equals("json-file")) {
            // Docker's default, so the likeliest value in a daemon.json brought over from Docker
            throw values.invalid("log-driver", "\"json-file\" is not supported: Holdfast's containers are logged by "
                    + "conmon, which writes \"k8s-file\", and `holdfast logs` works the same with it; "
                    + "set \"k8s-file\" or leave the key out");
        }
        if (!driver.equals(DRIVER)) {
            throw values.invalid("log-driver", "\"" + driver + "\" is not supported; the only log driver is \""
                    + DRIVER + "\"");
        }
        return driver;
    }

    /** {@code log-opts} {@code max-size} in bytes, or 0 (unbounded) when it is not set. */
    static long sizeMax(ConfigValues values) throws ConfigException {
        JsonNode node = values.node("log-opts");
        if (node == null) {
            return 0;
        }
        if (!node.isObject()) {
            throw values.invalid("log-opts", "expected an object of strings such as {\"max-size\": \"10m\"}, found "
                    + node);
        }
        long sizeMax = 0;
        for (Map.Entry<String, JsonNode> option : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String name = option.getKey();
            if (!name.equals(MAX_SIZE)) {
                throw values.invalid("log-opts", "option \"" + name + "\" is not supported; supported: " + MAX_SIZE
                        + unsupportedBecause(name));
            }
            if (!option.getValue().isTextual()) {
                throw values.invalid("log-opts", "option \"" + name + "\": expected a string such as \"10m\", found "
                        + option.getValue());
            }
            String text = option.getValue().textValue();
            sizeMax = ByteSize.parse(text);
            if (sizeMax <= 0) {
                throw values.invalid("log-opts", "option \"" + name + "\": expected a size above 0 such as \"512k\", "
                        + "\"10m\", \"1g\" or a number of bytes, found \"" + text + "\"");
            }
        }
        return sizeMax;
    }

    private static String unsupportedBecause(String option) {
        return option.equals("max-file")
                ? " (conmon keeps no rotated files: past max-size it starts the log afresh)" : "";
    }
}
