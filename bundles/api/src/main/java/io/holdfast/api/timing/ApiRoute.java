package io.holdfast.api.timing;

import java.util.Set;

/**
 * The route a request took, as a label with few values: the API version prefix dropped, ids and names replaced by
 * {@code {id}} / {@code {name}}, unknown paths folded into one. {@code GET /v1.41/containers/3f2a/json} is
 * {@code GET /containers/{id}/json}.
 *
 * <pre>{@code ApiRoute.of("POST", "/v1.41/containers/web/start")   // "POST /containers/{id}/start"}</pre>
 */
public final class ApiRoute {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE");
    /** Top-level paths whose second segment is an id or name unless it is one of the fixed words. */
    private static final Set<String> BY_ID = Set.of("containers", "exec", "networks", "volumes", "plugins");
    private static final Set<String> FIXED = Set.of("json", "create", "prune", "load", "search", "get", "import");
    private static final Set<String> KNOWN = Set.of("_ping", "version", "info", "events", "system", "containers",
            "images", "exec", "networks", "volumes", "plugins", "build", "auth", "holdfast", "distribution");
    /** The verbs that can follow an image name (which may hold slashes: {@code library/busybox}). */
    private static final Set<String> IMAGE_VERBS = Set.of("json", "history", "push", "tag", "get");

    private ApiRoute() {
    }

    public static String of(String method, String path) {
        return (METHODS.contains(method) ? method : "OTHER") + " " + template(path);
    }

    static String template(String path) {
        String[] segments = path.replaceFirst("^/v[0-9]+(\\.[0-9]+)?(?=/|$)", "").split("/");
        // segments[0] is "" (the path starts with "/")
        if (segments.length < 2 || !KNOWN.contains(segments[1])) {
            return "/{other}";
        }
        String top = segments[1];
        if (segments.length == 2 || FIXED.contains(segments[2])) {
            return String.join("/", java.util.Arrays.copyOf(segments, Math.min(segments.length, 3)));
        }
        if (top.equals("images")) {
            String last = segments[segments.length - 1];
            return segments.length > 3 && IMAGE_VERBS.contains(last) ? "/images/{name}/" + last : "/images/{name}";
        }
        if (BY_ID.contains(top)) {
            StringBuilder route = new StringBuilder("/").append(top).append("/{id}");
            for (int i = 3; i < Math.min(segments.length, 5); i++) {
                route.append('/').append(segments[i]);
            }
            return route.toString();
        }
        return "/" + top + "/" + segments[2]; // system/df, holdfast/shell/...: fixed words, two levels
    }
}
