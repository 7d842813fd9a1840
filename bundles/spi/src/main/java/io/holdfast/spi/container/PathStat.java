package io.holdfast.spi.container;

import java.time.Instant;

/**
 * What is at a path inside a container (Docker's {@code X-Docker-Container-Path-Stat}).
 *
 * <pre>{@code PathStat s = containers.statPath("web", "/etc/hostname"); // name "hostname", a regular file}</pre>
 *
 * @param name       the last element of the path asked for
 * @param size       its size in bytes
 * @param mode       Go's {@code os.FileMode} bits, as Docker sends them (directory {@code 1<<31}, link {@code 1<<27})
 * @param mtime      when it was last modified
 * @param linkTarget for a symbolic link, where it leads inside the container; otherwise empty
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {
    public static final long MODE_DIRECTORY = 1L << 31;
    public static final long MODE_SYMLINK = 1L << 27;

    public PathStat {
        linkTarget = linkTarget == null ? "" : linkTarget;
    }

    public boolean directory() {
        return (mode & MODE_DIRECTORY) != 0;
    }
}
