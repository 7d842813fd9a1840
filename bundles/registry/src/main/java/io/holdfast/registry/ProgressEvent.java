package io.holdfast.registry;

/**
 * One line of pull or push progress, in Docker's terms: {@code {"status":"Downloading","id":"a3ed95caeb02",
 * "progressDetail":{"current":1024,"total":2048}}}.
 *
 * @param id      a layer's short id, a tag, or empty for image-wide lines
 * @param status  {@code Pulling fs layer}, {@code Downloading}, {@code Download complete}, {@code Already exists},
 *                {@code Digest: sha256:...}, ...
 * @param current bytes so far, or -1 when the line carries no progress
 * @param total   bytes in all, or -1
 */
public record ProgressEvent(String id, String status, long current, long total) {

    public static ProgressEvent line(String id, String status) {
        return new ProgressEvent(id, status, -1, -1);
    }

    public boolean hasProgress() {
        return current >= 0;
    }
}
