package io.holdfast.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One top-level key of daemon.json, read before the framework (and the config bundle, which validates the file)
 * starts: the launcher needs a few values first. A value of another type than asked reads as absent; an unreadable
 * file throws, for the caller to fall back on its default (the config bundle reads the file again and says what is
 * wrong with it). Like Jackson's tree in the config bundle, a key given twice counts with its last value.
 */
final class DaemonJsonPeek {
    private DaemonJsonPeek() {
    }

    static Optional<String> string(Path file, String key) throws IOException {
        return value(file, key).filter(String.class::isInstance).map(String.class::cast);
    }

    /** An array of strings only; an array holding anything else reads as absent. */
    @SuppressWarnings("unchecked")
    static Optional<List<String>> strings(Path file, String key) throws IOException {
        return value(file, key).filter(List.class::isInstance).map(v -> (List<String>) v);
    }

    private static Optional<Object> value(Path file, String key) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Object found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals(key)) {
                    parser.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    found = parser.getText();
                } else if (value == JsonToken.START_ARRAY) {
                    found = stringsOf(parser);
                } else {
                    parser.skipChildren();
                    found = null;
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /** The array the parser is at the start of, as strings; null when it holds anything else. */
    private static List<String> stringsOf(JsonParser parser) throws IOException {
        List<String> strings = new ArrayList<>();
        boolean allStrings = true;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item == JsonToken.VALUE_STRING) {
                strings.add(parser.getText());
            } else {
                allStrings = false;
                parser.skipChildren();
            }
        }
        return allStrings ? strings : null;
    }
}
