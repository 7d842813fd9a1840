package io.holdfast.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.events.EngineEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filters} of {@code GET /events}: {@code type}, {@code event} (the action), {@code container} (id,
 * id prefix or name) and {@code image}. Values of one key are alternatives; keys must all match. Both of Docker's
 * JSON shapes are read: {@code {"type":["container"]}} and the CLI's {@code {"type":{"container":true}}}.
 */
record EventFilter(Map<String, Set<String>> values) {
    static final List<String> SUPPORTED = List.of("container", "event", "image", "network", "type");
    static final EventFilter ALL = new EventFilter(Map.of());

    static EventFilter parse(String json) {
        if (json == null || json.isBlank()) {
            return ALL;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new EngineException(Kind.INVALID, "filters: invalid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new EngineException(Kind.INVALID, "filters: expected a JSON object, found " + json);
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field.getKey())) {
                throw new EngineException(Kind.INVALID, "invalid filter '" + field.getKey() + "'; supported: "
                        + String.join(", ", SUPPORTED));
            }
            values.put(field.getKey(), strings(field.getKey(), field.getValue()));
        });
        return new EventFilter(values);
    }

    private static Set<String> strings(String key, JsonNode node) {
        Set<String> strings = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(item -> strings.add(item.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getValue().asBoolean(false)) {
                    strings.add(entry.getKey());
                }
            });
        } else if (node.isTextual()) {
            strings.add(node.textValue());
        } else {
            throw new EngineException(Kind.INVALID, "filters: '" + key + "' expects a list of strings, found "
                    + node);
        }
        return strings;
    }

    boolean matches(EngineEvent event) {
        if (values.isEmpty()) {
            return true; // no filters, the common case: every stream asks this of every event
        }
        return accepts("type", event.type()::equals)
                && accepts("event", event.action()::equals)
                && accepts("container", v -> event.actorId().startsWith(v)
                        || event.attributes().getOrDefault("name", "").startsWith(v))
                // as Docker's: the actor's id or name, whatever the event's type
                && accepts("network", v -> event.actorId().startsWith(v)
                        || event.attributes().getOrDefault("name", "").startsWith(v))
                && accepts("image", v -> v.equals(event.attributes().get("image"))
                        || (v + ":latest").equals(event.attributes().get("image")));
    }

    private boolean accepts(String key, java.util.function.Predicate<String> test) {
        Set<String> wanted = values.get(key);
        return wanted == null || wanted.isEmpty() || wanted.stream().anyMatch(test);
    }
}
