package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.common.docker.DockerViews;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GET /containers/json?filters=...}: Docker's filters, a JSON map from filter name to values (as a list, or as
 * the older {@code {"value": true}} map). Values of one filter are alternatives; different filters must all match.
 *
 * <pre>{@code ContainerFilter.parse("{\"status\":[\"exited\"],\"label\":[\"team=db\"]}").matches(record, all)}</pre>
 */
final class ContainerFilter {
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
            "exited", "dead");
    private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");

    private final Map<String, List<String>> filters;

    private ContainerFilter(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    /** Parses the query parameter; {@code null} or empty filters match everything. */
    static ContainerFilter parse(String json) {
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
            root.fields().forEachRemaining(field -> filters.put(field.getKey(), values(field.getKey(),
                    field.getValue())));
        }
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            check(filter.getKey(), filter.getValue());
        }
        return new ContainerFilter(filters);
    }

    /** Docker lists stopped containers when {@code before} or {@code since} is given, even without {@code all}. */
    boolean reachesStopped() {
        return filters.containsKey("before") || filters.containsKey("since") || filters.containsKey("exited")
                || filters.containsKey("status");
    }

    /**
     * Whether {@code c} passes every filter; {@code all} (newest first) resolves {@code before} and {@code since},
     * {@code ports} is its list entry's {@code Ports} (what {@code publish} and {@code expose} look at, as Docker's).
     */
    boolean matches(ContainerRecord c, List<Object> ports, List<ContainerRecord> all) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            if (filter.getValue().stream().noneMatch(value -> matches(filter.getKey(), value, c, ports, all))) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(String name, String value, ContainerRecord c, List<Object> ports,
                            List<ContainerRecord> all) {
        return switch (name) {
            case "id" -> c.id().startsWith(value);
            case "name" -> namePattern(value).matcher(c.name()).find();
            case "label" -> label(value, c.spec().labels());
            case "status" -> status(c).equals(value);
            case "ancestor" -> ancestor(value, c);
            case "exited" -> c.state().status() == ContainerStatus.EXITED
                    && c.state().exitCode() == Integer.parseInt(value);
            case "before" -> c.created().isBefore(find(value, all).created());
            case "since" -> c.created().isAfter(find(value, all).created());
            case "network" -> value.equals(c.spec().networkMode()) || c.connected().containsKey(value);
            case "health" -> value.equals(health(c));
            case "is-task" -> value.equals("false"); // no swarm here
            case "volume" -> mounts(value, c);
            case "publish" -> PortFilter.parse(value).matchesAny(ports, "PublicPort");
            case "expose" -> PortFilter.parse(value).matchesAny(ports, "PrivatePort");
            default -> throw new IllegalStateException("unchecked filter " + name);
        };
    }

    private static void check(String name, List<String> values) {
        switch (name) {
            case "status" -> values.stream().filter(v -> !STATUSES.contains(v)).findFirst().ifPresent(v -> {
                throw new EngineException(Kind.INVALID, "invalid filter 'status=" + v + "'");
            });
            case "health" -> values.stream().filter(v -> !HEALTH.contains(v)).findFirst().ifPresent(v -> {
                throw new EngineException(Kind.INVALID, "invalid filter 'health=" + v + "'");
            });
            case "exited" -> values.forEach(v -> {
                try {
                    Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new EngineException(Kind.INVALID, "invalid filter 'exited=" + v + "'");
                }
            });
            case "name" -> values.forEach(ContainerFilter::namePattern);
            case "publish", "expose" -> values.forEach(v -> {
                try {
                    PortFilter.parse(v);
                } catch (IllegalArgumentException e) {
                    throw new EngineException(Kind.INVALID, "invalid filter '" + name + "=" + v + "': "
                            + e.getMessage());
                }
            });
            case "id", "label", "ancestor", "before", "since", "network", "is-task", "volume" -> {
            }
            default -> throw new EngineException(Kind.INVALID, "invalid filter '" + name + "'");
        }
    }

    static List<String> values(String name, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(v -> values.add(v.getKey()));
        } else {
            throw new EngineException(Kind.INVALID, "filters: \"" + name + "\" must be a list of values");
        }
        return values;
    }

    private static Pattern namePattern(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new EngineException(Kind.INVALID, "invalid filter 'name=" + value + "': " + e.getDescription());
        }
    }

    static boolean label(String value, Map<String, String> labels) {
        int eq = value.indexOf('=');
        return eq < 0 ? labels.containsKey(value) : value.substring(eq + 1).equals(labels.get(value.substring(0, eq)));
    }

    /** Docker's: a mount whose destination, volume name or (for a bind) source is {@code value}. */
    private static boolean mounts(String value, ContainerRecord c) {
        for (MountSpec mount : c.spec().mounts()) {
            String name = mount.volume() != null ? mount.volume().name() : mount.source();
            if (value.equals(mount.target()) || value.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Docker's: the shown health status, {@code none} without a health check. */
    private static String health(ContainerRecord c) {
        var shown = io.holdfast.common.docker.HealthViews.shown(c);
        return shown == null ? "none" : shown.status();
    }

    private static String status(ContainerRecord c) {
        return DockerViews.statusWord(c.state());
    }

    /** An image reference as written at create (with {@code :latest} implied) or an image id or its prefix. */
    private static boolean ancestor(String value, ContainerRecord c) {
        String image = c.spec().image();
        String bare = c.imageId().replaceFirst("^sha256:", "");
        return image.equals(value) || withTag(image).equals(withTag(value)) || c.imageId().equals(value)
                || value.length() >= 4 && bare.startsWith(value.replaceFirst("^sha256:", ""));
    }

    private static String withTag(String reference) {
        int slash = reference.lastIndexOf('/');
        return reference.indexOf(':', slash + 1) < 0 ? reference + ":latest" : reference;
    }

    private static ContainerRecord find(String ref, List<ContainerRecord> all) {
        for (ContainerRecord c : all) {
            if (c.id().equals(ref) || c.name().equals(ref.replaceFirst("^/", "")) || c.id().startsWith(ref)) {
                return c;
            }
        }
        throw new EngineException(Kind.NOT_FOUND, "No such container: " + ref);
    }
}
