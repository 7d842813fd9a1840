package io.holdfast.spi.registry;

/**
 * One line of a pull's or push's progress, in the terms of Docker's JSON message stream:
 * {@code {"status":"Downloading","id":"a3ed95caeb02","progressDetail":{"current":1024,"total":2048}}}.
 *
 * <pre>{@code new ProgressLine("a3ed95caeb02", "Downloading", 1024, 2048)}</pre>
 *
 * @param id      a layer's short id or a tag; empty for image-wide lines
 * @param status  {@code Pulling fs layer}, {@code Downloading}, {@code Download complete}, {@code Pull complete}, ...
 * @param current bytes so far, or -1 when the line carries no progress
 * @param total   bytes in all, or -1 when unknown
 */
public record ProgressLine(String id, String status, long current, long total) {
}
