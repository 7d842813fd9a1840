package io.holdfast.spi.container;

/**
 * One path of a container's file system that differs from its image's ({@code docker diff}).
 *
 * <pre>{@code new FileChange("/tmp/x", FileChange.Kind.ADDED)   // docker diff prints "A /tmp/x"}</pre>
 *
 * @param path absolute, inside the container
 * @param kind what happened to it
 */
public record FileChange(String path, Kind kind) {
    /** Docker's change kinds, in the order of their numbers in the API (0, 1, 2). */
    public enum Kind {
        MODIFIED, ADDED, DELETED
    }
}
