package io.holdfast.cli.http;

/**
 * One request: method, origin-form target ("/containers/json?all=1") and an optional body.
 */
public record HttpRequest(String method, String target, RequestBody body) {

    public static HttpRequest get(String target) {
        return new HttpRequest("GET", target, null);
    }

    public static HttpRequest post(String target) {
        return new HttpRequest("POST", target, null);
    }

    public static HttpRequest post(String target, RequestBody body) {
        return new HttpRequest("POST", target, body);
    }

    public static HttpRequest delete(String target) {
        return new HttpRequest("DELETE", target, null);
    }
}
