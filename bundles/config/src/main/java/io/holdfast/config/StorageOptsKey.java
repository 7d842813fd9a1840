package io.holdfast.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code storage-opts}: Docker's list of {@code "<driver>.<option>=<value>"} strings. Only the syntax is checked
 * here; which options exist, and what values they take, is for the storage driver named in the key to say.
 *
 * <pre>{@code "storage-opts": ["overlay.size=10G", "vfs.copy=auto"]  ->  {overlay.size=10G, vfs.copy=auto}}</pre>
 */
final class StorageOptsKey {
    static final String KEY = "storage-opts";
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+");

    private StorageOptsKey() {
    }

    static Map<String, String> read(ConfigValues values) throws ConfigException {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        JsonNode node = values.node(KEY);
        if (node == null) {
            return options;
        }
        if (!node.isArray()) {
            throw values.invalid(KEY, "expected an array of strings such as [\"overlay.size=10G\"], found " + node);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw values.invalid(KEY, "item [" + i + "]: expected a string \"<driver>.<option>=<value>\", found "
                        + item);
            }
            String text = item.textValue();
            int equals = text.indexOf('=');
            String name = equals < 0 ? text : text.substring(0, equals);
            if (equals < 0 || equals == text.length() - 1 || !OPTION_NAME.matcher(name).matches()) {
                throw values.invalid(KEY, "item [" + i + "]: expected \"<driver>.<option>=<value>\" such as "
                        + "\"overlay.size=10G\", found \"" + text + "\"");
            }
            Integer earlier = indexOf.putIfAbsent(name, i);
            if (earlier != null) {
                throw values.invalid(KEY, "item [" + i + "]: option \"" + name + "\" is already set by item ["
                        + earlier + "]");
            }
            options.put(name, text.substring(equals + 1));
        }
        return options;
    }
}
