package io.holdfast.routes;

/** A request body larger than the route reads into memory: answered 413 with this message. */
final class RequestTooLarge extends RuntimeException {
    RequestTooLarge(String message) {
        super(message);
    }
}
