package io.holdfast.routes.create;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one object of a create body ({@code Config}, {@code HostConfig}, a mount) field by field, each with the
 * JSON type Docker's Go structs give it; a value of the wrong type is refused naming the field, e.g.
 * {@code HostConfig.Memory: expected a number, found "lots"}.
 */
final class JsonFields {
    private final JsonNode object;
    private final String prefix;

    JsonFields(JsonNode object, String prefix) {
        this.object = object == null || object.isNull() || object.isMissingNode()
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : object;
        this.prefix = prefix;
        if (!this.object.isMissingNode() && !this.object.isObject()) {
            throw invalid(prefix.isEmpty() ? "the body" : prefix.substring(0, prefix.length() - 1),
                    "expected an object", object);
        }
    }

    JsonNode node(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String path(String field) {
        return prefix + field;
    }

    String string(String field) {
        JsonNode value = node(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw invalid(path(field), "expected a string", value);
        }
        return value.textValue();
    }

    boolean bool(String field) {
        JsonNode value = node(field);
        if (value != null && !value.isBoolean()) {
            throw invalid(path(field), "expected true or false", value);
        }
        return value != null && value.booleanValue();
    }

    long number(String field, long absent) {
        JsonNode value = node(field);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(path(field), "expected an integer", value);
        }
        return value.longValue();
    }

    /** An array of small non-negative integers ({@code ConsoleSize: [24, 80]}). */
    List<Integer> numbers(String field) {
        JsonNode value = node(field);
        List<Integer> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (!value.isArray()) {
            throw invalid(path(field), "expected an array of integers", value);
        }
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.intValue() < 0) {
                throw invalid(path(field), "expected an array of non-negative integers", value);
            }
            values.add(item.intValue());
        }
        return values;
    }

    /** Docker's {@code StrSlice}: an array of strings, or one string. */
    List<String> strings(String field) {
        JsonNode value = node(field);
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value.isTextual()) {
            values.add(value.textValue());
            return values;
        }
        if (!value.isArray()) {
            throw invalid(path(field), "expected an array of strings", value);
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(path(field), "expected an array of strings", value);
            }
            values.add(item.textValue());
        }
        return values;
    }

    Map<String, String> stringMap(String field) {
        JsonNode value = node(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!value.isObject()) {
            throw invalid(path(field), "expected an object of strings", value);
        }
        for (var entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw invalid(path(field) + "." + entry.getKey(), "expected a string", entry.getValue());
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    /** The keys of an object whose values say nothing ({@code "Volumes": {"/data": {}}}), in order. */
    List<String> stringMapKeys(String field) {
        JsonNode value = node(field);
        List<String> keys = new ArrayList<>();
        if (value == null || value.isNull()) {
            return keys;
        }
        if (!value.isObject()) {
            throw invalid(path(field), "expected an object", value);
        }
        value.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The array's objects, each to be read with its own {@code JsonFields} under {@code Field[i].}. */
    List<JsonFields> objects(String field) {
        JsonNode value = node(field);
        List<JsonFields> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            throw invalid(path(field), "expected an array", value);
        }
        for (int i = 0; i < value.size(); i++) {
            items.add(new JsonFields(value.get(i), path(field) + "[" + i + "]."));
        }
        return items;
    }

    JsonFields object(String field) {
        return new JsonFields(node(field), path(field) + ".");
    }

    Iterable<String> fieldNames() {
        return object::fieldNames;
    }

    static EngineException invalid(String path, String expected, JsonNode found) {
        return new EngineException(Kind.INVALID, path + ": " + expected + ", found " + found);
    }

    static EngineException refused(String path, String why) {
        return new EngineException(Kind.INVALID, path + ": " + why);
    }
}
