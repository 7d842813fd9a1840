package io.holdfast.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps {@code METHOD /path/{param}} to handlers; paths come without Docker's API version prefix
 * ({@code ApiPaths.withoutVersion}).
 */
final class Router {
    /** A request handler; it sends the response itself. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiExchange exchange) throws Exception;
    }

    private record Route(String method, Pattern pattern, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        String regex = template.replaceAll("\\{[a-z]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile("^" + regex + "$"), handler));
        return this;
    }

    /** The handler for the exchange, with path parameters set; null when no route matches. */
    Handler find(ApiExchange exchange) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(exchange.path());
            if (m.matches()) {
                pathKnown = true;
                if (route.method().equals(exchange.method())) {
                    List<String> params = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) {
                        params.add(java.net.URLDecoder.decode(m.group(i), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    exchange.pathParams(params);
                    return route.handler();
                }
            }
        }
        if (pathKnown) {
            return e -> e.sendError(405, "method " + e.method() + " is not allowed on " + e.path());
        }
        return null;
    }
}
