package io.holdfast.cli.http;

/**
 * One request: method, origin-form target ("/containers/json?all=1"), an optional body, and whether it asks the engine
 * to turn the connection into a raw stream (Docker's attach: {@code Connection: Upgrade}, {@code Upgrade: tcp}).
 */
public record HttpRequest(String method, String target, RequestBody body, boolean upgrade) {

    public HttpRequest(String method, String target, RequestBody body) {
        this(method, target, body, false);
    }

    public static HttpRequest get(String target) {
        return new HttpRequest("GET", target, null);
    }

    public static HttpRequest post(String target) {
        return new HttpRequest("POST", target, null);
    }

    public static HttpRequest post(String target, RequestBody body) {
        return new HttpRequest("POST", target, body);
    }

    /** A bodiless POST answered with 101 and then the raw stream, read as the response's body until it ends. */
    public static HttpRequest postUpgrade(String target) {
        return new HttpRequest("POST", target, null, true);
    }

    public static HttpRequest delete(String target) {
        return new HttpRequest("DELETE", target, null);
    }
}
