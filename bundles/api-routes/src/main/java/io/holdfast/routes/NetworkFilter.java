package io.holdfast.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} of {@code GET /networks}: {@code name} (part of the name), {@code id} (id prefix),
 * {@code label} ({@code key} or {@code key=value}), {@code driver} and {@code type} ({@code custom}; every network
 * listed is user-defined). Values of one filter are alternatives; all filters must match. Both JSON shapes are read.
 */
record NetworkFilter(Map<String, List<String>> filters) {
    private static final List<String> SUPPORTED = List.of("driver", "id", "label", "name", "type");

    static NetworkFilter parse(String json) {
        if (json == null || json.isBlank()) {
            return new NetworkFilter(Map.of());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new EngineException(Kind.INVALID, "filters: invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new EngineException(Kind.INVALID, "filters: expected a JSON object, found " + json);
        }
        Map<String, List<String>> filters = new java.util.TreeMap<>();
        for (var fields = root.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!SUPPORTED.contains(field.getKey())) {
                throw new EngineException(Kind.INVALID, "invalid filter '" + field.getKey() + "'; supported: "
                        + String.join(", ", SUPPORTED));
            }
            List<String> values = new ArrayList<>();
            JsonNode node = field.getValue();
            if (node.isArray()) {
                node.forEach(v -> values.add(v.asText()));
            } else if (node.isObject()) {
                node.fieldNames().forEachRemaining(values::add);
            } else {
                throw new EngineException(Kind.INVALID, "filters: " + field.getKey() + ": expected a list of values");
            }
            filters.put(field.getKey(), values);
        }
        return new NetworkFilter(filters);
    }

    boolean matches(NetworkInfo n) {
        return filters.entrySet().stream().allMatch(f -> f.getValue().isEmpty()
                || f.getValue().stream().anyMatch(v -> matches(f.getKey(), v, n)));
    }

    private static boolean matches(String key, String value, NetworkInfo n) {
        return switch (key) {
            case "name" -> n.name().contains(value);
            case "id" -> n.id().startsWith(value);
            case "driver" -> n.driver().equals(value);
            case "type" -> value.equals("custom");
            case "label" -> {
                int eq = value.indexOf('=');
                yield eq < 0 ? n.labels().containsKey(value)
                        : value.substring(eq + 1).equals(n.labels().get(value.substring(0, eq)));
            }
            default -> false;
        };
    }
}
