package io.holdfast.common.tar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A location inside the image's root, as lexically normalised components. All path arithmetic on archive input is
 * done here on strings, never by the file system, so {@code ..} and symbolic links cannot be used to step outside:
 * a path that would climb above the root is simply not representable.
 *
 * @param parts the components below the root; empty for the root itself
 */
public record ArchivePath(List<String> parts) {
    public static final ArchivePath ROOT = new ArchivePath(List.of());

    public ArchivePath {
        parts = List.copyOf(parts);
    }

    /**
     * {@code relative} resolved against this path; {@code .} and empty components are dropped and {@code ..} removes
     * one. Empty when {@code ..} would climb above the root.
     */
    public Optional<ArchivePath> resolve(String relative) {
        List<String> result = new ArrayList<>(parts);
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (result.isEmpty()) {
                    return Optional.empty();
                }
                result.remove(result.size() - 1);
            } else {
                result.add(part);
            }
        }
        return Optional.of(new ArchivePath(result));
    }

    /**
     * Where a symbolic link at this path points: absolute targets count from the root (that is how the container
     * sees them), relative ones from the link's directory. Empty when the target climbs above the root.
     */
    public Optional<ArchivePath> linkTarget(String target) {
        return target.startsWith("/") ? ROOT.resolve(target) : parent().resolve(target);
    }

    public boolean isRoot() {
        return parts.isEmpty();
    }

    public ArchivePath parent() {
        return isRoot() ? this : new ArchivePath(parts.subList(0, parts.size() - 1));
    }

    /** Whether {@code other} is this path or lies below it. */
    boolean contains(ArchivePath other) {
        return other.parts.size() >= parts.size() && other.parts.subList(0, parts.size()).equals(parts);
    }

    /** This path under {@code root}; the only way an archive path becomes a file-system path. */
    public Path under(Path root) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    @Override
    public String toString() {
        return String.join("/", parts);
    }
}
