package io.holdfast.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a JSON object's top-level keys, remembering where each key stands so errors can name the line and column.
 * Duplicate keys are an error: the second would silently win otherwise.
 */
final class JsonKeys {
    /** A top-level key's value and the position of the key. */
    record Entry(JsonNode value, int line, int column) {
    }

    private JsonKeys() {
    }

    static Map<String, Entry> parse(ObjectMapper mapper, String file, byte[] content) throws ConfigException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries; // an empty file means "all defaults"
            }
            if (first != JsonToken.START_OBJECT) {
                throw at(file, parser.currentTokenLocation(), "expected a JSON object, found " + describe(first));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation where = parser.currentTokenLocation();
                parser.nextToken();
                JsonNode value = mapper.readTree(parser);
                if (entries.containsKey(key)) {
                    throw at(file, where, "key \"" + key + "\" is given twice");
                }
                entries.put(key, new Entry(value, where.getLineNr(), where.getColumnNr()));
            }
            if (parser.nextToken() != null) {
                throw at(file, parser.currentTokenLocation(), "unexpected content after the JSON object");
            }
            return entries;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String message = e.getOriginalMessage();
            throw ConfigException.at(file, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), "invalid JSON: " + message);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static ConfigException at(String file, JsonLocation where, String message) {
        return ConfigException.at(file, where.getLineNr(), where.getColumnNr(), message);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
