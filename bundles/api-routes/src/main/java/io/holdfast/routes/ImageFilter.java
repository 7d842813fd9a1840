package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code GET /images/json?filters=...} and {@code /images/prune}: Docker's image filters {@code dangling},
 * {@code label}, {@code reference} (a glob on {@code name[:tag]}), {@code before} and {@code since} (an image by
 * reference; compared by creation time). Values of one filter are alternatives; different filters must all match.
 *
 * <pre>{@code ImageFilter.parse("{\"dangling\":[\"true\"]}").matches(image, images::resolve)}</pre>
 */
final class ImageFilter {
    private static final Set<String> NAMES = Set.of("dangling", "label", "reference", "before", "since", "until");

    private final Map<String, List<String>> filters;

    private ImageFilter(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    static ImageFilter parse(String json) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (json != null && !json.isBlank()) {
            JsonNode root;
            try {
                root = ApiExchange.JSON.readTree(json);
            } catch (IOException e) {
                throw new EngineException(Kind.INVALID, "filters: invalid JSON: " + e.getMessage());
            }
            if (root == null || !root.isObject()) {
                throw new EngineException(Kind.INVALID, "filters: expected a JSON object, got " + json);
            }
            root.fields().forEachRemaining(f -> filters.put(f.getKey(), ContainerFilter.values(f.getKey(),
                    f.getValue())));
        }
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            if (!NAMES.contains(filter.getKey())) {
                throw new EngineException(Kind.INVALID, "invalid filter '" + filter.getKey() + "'");
            }
            if (filter.getKey().equals("dangling")) {
                for (String v : filter.getValue()) {
                    if (!v.equals("true") && !v.equals("false") && !v.equals("1") && !v.equals("0")) {
                        throw new EngineException(Kind.INVALID, "invalid filter 'dangling=" + v + "': expected "
                                + "true or false");
                    }
                }
            }
        }
        return new ImageFilter(filters);
    }

    /** Whether a filter was given, e.g. {@code dangling} for prune's default. */
    boolean has(String name) {
        return filters.containsKey(name);
    }

    boolean matches(ImageRecord image, Function<String, ImageRecord> resolve) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            if (filter.getValue().stream().noneMatch(v -> matches(filter.getKey(), v, image, resolve))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String name, String value, ImageRecord image,
                                   Function<String, ImageRecord> resolve) {
        return switch (name) {
            case "dangling" -> image.repoTags().isEmpty() == (value.equals("true") || value.equals("1"));
            case "label" -> ContainerFilter.label(value, image.config().labels());
            case "reference" -> image.repoTags().stream().anyMatch(tag -> reference(value, tag));
            case "before" -> image.created().isBefore(resolve.apply(value).created());
            case "since" -> image.created().isAfter(resolve.apply(value).created());
            case "until" -> image.created().isBefore(java.time.Instant.ofEpochSecond(untilSeconds(value)));
            default -> false;
        };
    }

    private static long untilSeconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            try {
                return java.time.Instant.parse(value).getEpochSecond();
            } catch (java.time.format.DateTimeParseException bad) {
                throw new EngineException(Kind.INVALID, "invalid filter 'until=" + value + "': expected a Unix "
                        + "timestamp or an RFC 3339 time");
            }
        }
    }

    /** Docker's reference filter: a glob over {@code name:tag}, or over the name alone when it has no tag part. */
    private static boolean reference(String pattern, String tag) {
        String name = tag.substring(0, tag.lastIndexOf(':'));
        Pattern glob = Pattern.compile(glob(pattern));
        return glob.matcher(tag).matches() || glob.matcher(name).matches();
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
