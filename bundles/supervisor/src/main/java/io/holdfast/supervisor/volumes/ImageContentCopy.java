package io.holdfast.supervisor.volumes;

import io.holdfast.common.process.Command;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Docker's copy of an image's content into a volume: when a container mounts an empty volume at a path where its
 * image has a directory, the volume receives that directory's content, owner and mode (so {@code -v pgdata:/var/lib/
 * postgresql/data} starts with what the image put there, owned by its user). A volume that holds anything is left
 * as it is. Done once, at create, from the container's new root file system, by {@code cp -a} (owners, modes,
 * times, links, devices and extended attributes as they are).
 *
 * <p>The container's root file system is the image's, not the engine's to trust: a path that leads through a
 * symbolic link is not copied (Docker follows it inside the root file system; here nothing is copied and the
 * volume starts empty), so a link can never make the engine copy host files into a volume.
 */
final class ImageContentCopy {
    /** Generous: an image directory of gigabytes on a slow disk. */
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private ImageContentCopy() {
    }

    /**
     * Copies {@code rootfs + target} into {@code volume} if the volume is empty and the image has a directory there;
     * returns why nothing was copied, or empty when it was.
     */
    static Optional<String> into(Path volume, Path rootfs, String target) throws IOException {
        Path source = rootfs;
        for (Path part : Path.of("/").relativize(Path.of(target).normalize())) {
            source = source.resolve(part);
            if (Files.isSymbolicLink(source)) {
                return Optional.of(target + " leads through a symbolic link in the image");
            }
        }
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("the image has no directory at " + target);
        }
        if (!isEmpty(volume)) {
            return Optional.of("the volume is not empty");
        }
        if (isEmpty(source)) {
            copyOwnerAndMode(source, volume);
            return Optional.empty();
        }
        // "source/." copies the directory's content and, onto the existing volume directory, its owner and mode
        Command.Result copy = Command.run(List.of("cp", "-a", "--", source + "/.", volume.toString()), TIMEOUT);
        if (!copy.ok()) {
            throw new IOException("cannot copy the image's " + target + " into the volume at " + volume + ": "
                    + copy.describe());
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void copyOwnerAndMode(Path from, Path to) throws IOException {
        Files.setAttribute(to, "unix:uid", Files.getAttribute(from, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        Files.setAttribute(to, "unix:gid", Files.getAttribute(from, "unix:gid", LinkOption.NOFOLLOW_LINKS));
        Files.setAttribute(to, "unix:mode", Files.getAttribute(from, "unix:mode", LinkOption.NOFOLLOW_LINKS));
    }
}
