package io.holdfast.routes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps {@code METHOD /path/{param}} to handlers; paths come without Docker's API version prefix
 * ({@code ApiPaths.withoutVersion}).
 *
 * <pre>{@code
 * router.add("GET", "/containers/{id}/json", e -> e.sendJson(200, inspect(e.pathParam(0))));
 * router.add("GET", "/images/{name*}/json", e -> e.sendJson(200, image(e.pathParam(0))));
 * Router.Match match = router.find("GET", "/containers/web/json");   // params ["web"]
 * }</pre>
 */
final class Router {
    /** A request handler; it sends the response itself. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiExchange exchange) throws Exception;
    }

    /** The handler for a request, and its path parameters, URL-decoded, in template order. */
    record Match(Handler handler, List<String> params) {
    }

    private record Route(String method, Pattern pattern, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        // {name} is one path segment; {name*} may span several (image names such as registry:5000/library/busybox)
        String regex = template.replaceAll("\\{[a-z]+\\*}", "(.+)").replaceAll("\\{[a-z]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile("^" + regex + "$"), handler));
        return this;
    }

    /** The route for {@code method path}; one answering 405 when only other methods have it; null when none has. */
    Match find(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (route.method().equals(method)) {
                    List<String> params = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) {
                        params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
                    }
                    return new Match(route.handler(), params);
                }
            }
        }
        if (pathKnown) {
            return new Match(e -> e.sendError(405, "method " + e.method() + " is not allowed on " + e.path()),
                    List.of());
        }
        return null;
    }
}
