package io.holdfast.launcher;

import io.holdfast.common.text.ApiPaths;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP/1.x request's line and headers, as far as {@link EarlySocket} needs them: is it a {@code /_ping} or a
 * {@code /version} it may answer itself, and does the client want the connection closed after the answer. Anything
 * it cannot read plainly is not one of those, and is left to the API's Jetty, which answers it properly (a 400
 * included).
 *
 * @param method the request method
 * @param path the target's path, without query and without the API version prefix
 * @param http10 an HTTP/1.0 request
 * @param hasBody a {@code Content-Length} other than 0, or a {@code Transfer-Encoding}
 * @param connectionClose {@code Connection: close}, or HTTP/1.0 without {@code Connection: keep-alive}
 */
record RequestHead(String method, String path, boolean http10, boolean hasBody, boolean connectionClose) {

    /** Parses {@code head}, the bytes up to and without the blank line, as ISO-8859-1; empty if it is not plain. */
    static Optional<RequestHead> parse(String head) {
        String[] lines = head.split("\r\n", -1);
        String[] request = lines[0].split(" ", -1);
        if (request.length != 3 || request[0].isEmpty() || !request[1].startsWith("/")
                || !(request[2].equals("HTTP/1.1") || request[2].equals("HTTP/1.0"))) {
            return Optional.empty();
        }
        boolean http10 = request[2].equals("HTTP/1.0");
        boolean hasBody = false;
        Boolean keepAlive = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> hasBody |= !value.equals("0");
                case "transfer-encoding" -> hasBody = true;
                case "connection" -> keepAlive = value.contains("close") ? Boolean.FALSE
                        : value.contains("keep-alive") ? Boolean.TRUE : keepAlive;
                default -> {
                }
            }
        }
        int query = request[1].indexOf('?');
        String path = ApiPaths.withoutVersion(query < 0 ? request[1] : request[1].substring(0, query));
        boolean close = keepAlive == null ? http10 : !keepAlive;
        return Optional.of(new RequestHead(request[0], path, http10, hasBody, close));
    }

    /** {@code GET} or {@code HEAD /_ping} without a body: answered without any engine state. */
    boolean isPing() {
        return path.equals("/_ping") && (method.equals("GET") || method.equals("HEAD")) && !hasBody;
    }

    /** {@code GET /version} without a body: answered without any engine state too. */
    boolean isVersion() {
        return path.equals("/version") && method.equals("GET") && !hasBody;
    }
}
