package io.holdfast.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.volume.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code GET /volumes} and {@code POST /volumes/prune}, as moby reads them: {@code name}
 * (a part of the name), {@code driver}, {@code label} ({@code key} or {@code key=value}; all must match),
 * {@code label!}, and {@code dangling} ({@code true}: used by no container). Values of one key are alternatives,
 * keys all must match. Both JSON shapes are read: {@code {"name":["pg"]}} and {@code {"name":{"pg":true}}}.
 *
 * <pre>{@code VolumeFilter.parse("{\"dangling\":[\"true\"]}").test(volume, inUse)}</pre>
 */
record VolumeFilter(List<String> names, List<String> drivers, List<String> labels, List<String> notLabels,
                    Boolean dangling) {
    static final List<String> SUPPORTED = List.of("name", "driver", "label", "label!", "dangling");

    static VolumeFilter parse(String json, boolean forPrune) {
        List<String> names = new ArrayList<>();
        List<String> drivers = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> notLabels = new ArrayList<>();
        Boolean dangling = null;
        if (json == null || json.isBlank()) {
            return new VolumeFilter(names, drivers, labels, notLabels, null);
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
        for (var fields = root.fields(); fields.hasNext(); ) {
            var field = fields.next();
            List<String> values = PruneFilter.strings(field.getKey(), field.getValue());
            switch (forPrune && !field.getKey().startsWith("label") ? "" : field.getKey()) {
                case "name" -> names.addAll(values);
                case "driver" -> drivers.addAll(values);
                case "label" -> labels.addAll(values);
                case "label!" -> notLabels.addAll(values);
                case "dangling" -> {
                    for (String value : values) {
                        if (!value.matches("(?i)true|false|1|0")) {
                            throw new EngineException(Kind.INVALID, "filters: invalid filter 'dangling=" + value
                                    + "': expected true or false");
                        }
                        dangling = value.equalsIgnoreCase("true") || value.equals("1");
                    }
                }
                default -> throw new EngineException(Kind.INVALID, "Invalid filter '" + field.getKey()
                        + "'; supported: " + String.join(", ", forPrune ? List.of("label", "label!") : SUPPORTED));
            }
        }
        return new VolumeFilter(names, drivers, labels, notLabels, dangling);
    }

    /** Whether {@code volume} passes; {@code inUse} says whether a container uses it. */
    boolean test(Volume volume, Predicate<String> inUse) {
        if (!names.isEmpty() && names.stream().noneMatch(volume.name()::contains)) {
            return false;
        }
        if (!drivers.isEmpty() && !drivers.contains(volume.driver())) {
            return false;
        }
        if (!labels.stream().allMatch(l -> matches(l, volume.labels()))) {
            return false;
        }
        if (!notLabels.isEmpty() && notLabels.stream().anyMatch(l -> matches(l, volume.labels()))) {
            return false;
        }
        return dangling == null || dangling != inUse.test(volume.name());
    }

    private static boolean matches(String filter, Map<String, String> labels) {
        int equals = filter.indexOf('=');
        if (equals < 0) {
            return labels.containsKey(filter);
        }
        return filter.substring(equals + 1).equals(labels.get(filter.substring(0, equals)));
    }
}
