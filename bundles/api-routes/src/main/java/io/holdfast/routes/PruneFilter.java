package io.holdfast.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.text.DockerTime;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} of {@code POST /containers/prune}, as moby reads them: {@code until} (containers created
 * before that time; Unix seconds, RFC 3339 or a duration back from now), {@code label} ({@code key} or
 * {@code key=value}; all must match) and {@code label!} (a container all of whose {@code label!} values match is
 * kept). Both JSON shapes are read: {@code {"until":["10m"]}} and {@code {"until":{"10m":true}}}.
 *
 * @param until      prune only containers created before this, or null
 * @param labels     each must match
 * @param notLabels  if all match, the container is kept
 */
record PruneFilter(Instant until, List<String> labels, List<String> notLabels) {
    static final List<String> SUPPORTED = List.of("label", "label!", "until");

    static PruneFilter parse(String json, Instant now) {
        if (json == null || json.isBlank()) {
            return new PruneFilter(null, List.of(), List.of());
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
        Instant until = null;
        List<String> labels = new ArrayList<>();
        List<String> notLabels = new ArrayList<>();
        for (var fields = root.fields(); fields.hasNext(); ) {
            var field = fields.next();
            List<String> values = strings(field.getKey(), field.getValue());
            switch (field.getKey()) {
                case "until" -> {
                    if (values.size() > 1) {
                        throw new EngineException(Kind.INVALID, "filters: more than one until filter specified");
                    }
                    if (!values.isEmpty()) {
                        try {
                            until = DockerTime.parse(values.get(0), now);
                        } catch (IllegalArgumentException e) {
                            throw new EngineException(Kind.INVALID, "filters: until: " + e.getMessage());
                        }
                    }
                }
                case "label" -> labels.addAll(values);
                case "label!" -> notLabels.addAll(values);
                default -> throw new EngineException(Kind.INVALID, "Invalid filter '" + field.getKey()
                        + "'; supported: " + String.join(", ", SUPPORTED));
            }
        }
        return new PruneFilter(until, List.copyOf(labels), List.copyOf(notLabels));
    }

    /** Whether a container created at {@code created} with {@code containerLabels} is to be pruned. */
    boolean accepts(Instant created, Map<String, String> containerLabels) {
        if (until != null && created.isAfter(until)) {
            return false;
        }
        if (!labels.stream().allMatch(l -> matches(l, containerLabels))) {
            return false;
        }
        return notLabels.isEmpty() || !notLabels.stream().allMatch(l -> matches(l, containerLabels));
    }

    private static boolean matches(String filter, Map<String, String> labels) {
        int equals = filter.indexOf('=');
        if (equals < 0) {
            return labels.containsKey(filter);
        }
        return filter.substring(equals + 1).equals(labels.get(filter.substring(0, equals)));
    }

    static List<String> strings(String key, JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> strings.add(item.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getValue().asBoolean(false)) {
                    strings.add(entry.getKey());
                }
            });
        } else {
            throw new EngineException(Kind.INVALID, "filters: '" + key + "' expects a list of strings, found " + node);
        }
        return strings;
    }
}
