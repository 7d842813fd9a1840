package io.holdfast.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the merged daemon.json keys and flags, each check failing with the key's file, line and column.
 *
 * <pre>{@code int seconds = values.nonNegativeInt("shutdown-timeout", 15);}</pre>
 */
record ConfigValues(String file, Map<String, JsonKeys.Entry> entries, Map<String, Object> flags) {

    static ConfigException error(String file, JsonKeys.Entry where, String key, String message) {
        return ConfigException.at(file, where.line(), where.column(), "key \"" + key + "\": " + message);
    }

    ConfigException invalid(String key, String message) {
        JsonKeys.Entry where = entries.get(key);
        if (where == null) {
            return new ConfigException((flags.containsKey(key) ? "flag " + FlagValues.flagFor(key)
                    : "default for \"" + key + "\"") + ": " + message);
        }
        return error(file, where, key, message);
    }

    /** Whether daemon.json or a flag sets the key. */
    boolean isSet(String key) {
        return entries.containsKey(key) || flags.containsKey(key);
    }

    /** The key's value in daemon.json, or {@code null} when the file does not set it. */
    JsonNode node(String key) {
        JsonKeys.Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        JsonNode node = node(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw invalid(key, "expected true or false, found " + node);
        }
        return node.booleanValue();
    }

    String string(String key, String fallback) throws ConfigException {
        Object flag = flags.get(key);
        if (flag != null) {
            return flag.toString();
        }
        JsonNode node = node(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw invalid(key, "expected a non-empty string, found " + node);
        }
        return node.textValue();
    }

    String absolutePath(String key, String fallback) throws ConfigException {
        String value = string(key, fallback);
        if (!value.startsWith("/")) {
            throw invalid(key, "expected an absolute path, found \"" + value + "\"");
        }
        return Path.of(value).normalize().toString();
    }

    int nonNegativeInt(String key, int fallback) throws ConfigException {
        JsonNode node = node(key);
        if (node == null) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw invalid(key, "expected a whole number of seconds >= 0, found " + node);
        }
        return node.intValue();
    }

    @SuppressWarnings("unchecked")
    List<String> hosts(String key, List<String> fallback) throws ConfigException {
        List<String> hosts = new ArrayList<>();
        Object flag = flags.get(key);
        if (flag != null) {
            hosts.addAll((List<String>) flag);
        } else if (node(key) != null) {
            JsonNode node = node(key);
            if (!node.isArray()) {
                throw invalid(key, "expected an array of strings such as [\"unix:///run/holdfast.sock\"], found " + node);
            }
            for (JsonNode host : node) {
                if (!host.isTextual()) {
                    throw invalid(key, "expected strings, found " + host);
                }
                hosts.add(host.textValue());
            }
        } else {
            hosts.addAll(fallback);
        }
        if (hosts.isEmpty()) {
            throw invalid(key, "at least one host is needed");
        }
        for (String host : hosts) {
            if (!host.startsWith("unix:///")) {
                throw invalid(key, "\"" + host + "\": only unix:///ABSOLUTE/PATH sockets are supported");
            }
        }
        return hosts;
    }

    Map<String, OciRuntime> runtimes(String key) throws ConfigException {
        Map<String, OciRuntime> result = new LinkedHashMap<>();
        JsonNode node = node(key);
        if (node == null) {
            return result;
        }
        if (!node.isObject()) {
            throw invalid(key, "expected an object such as {\"crun\": {\"path\": \"/usr/bin/crun\"}}, found " + node);
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            JsonNode path = field.getValue().get("path");
            if (path == null || !path.isTextual() || !path.textValue().startsWith("/")) {
                throw invalid(key, "runtime \"" + field.getKey() + "\": expected {\"path\": \"/absolute/path\"}");
            }
            if (!Files.isExecutable(Path.of(path.textValue()))) {
                throw invalid(key, "runtime \"" + field.getKey() + "\": " + path.textValue() + " is not an executable file");
            }
            result.put(field.getKey(), new OciRuntime(field.getKey(), path.textValue()));
        }
        return result;
    }
}
