package io.holdfast.storage.overlay;

import io.holdfast.common.process.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Mounts and unmounts by running util-linux {@code mount} and {@code umount}: simpler and safer than calling
 * mount(2) through JNI, and the same command an administrator would type. Each call blocks until the program exits,
 * at most {@link #TIMEOUT}.
 */
final class SystemMounts implements Mounts {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public MountTable table() throws IOException {
        return MountTable.read();
    }

    /**
     * Runs {@code mount -t overlay overlay -o lowerdir=...,upperdir=...,workdir=... target}. Paths that cannot be
     * written in that option string (holding a comma, colon or backslash) are refused before anything is run.
     */
    @Override
    public void mountOverlay(Path lower, Path upper, Path work, Path target) throws IOException {
        mountOverlay(List.of(lower), upper, work, target);
    }

    /** overlayfs lists lower layers top first, colon-separated; {@code lowers} come lowest first. */
    @Override
    public void mountOverlay(List<Path> lowers, Path upper, Path work, Path target) throws IOException {
        List<String> topFirst = new java.util.ArrayList<>();
        for (Path lower : lowers) {
            topFirst.add(0, optionValue(lower));
        }
        String options = "lowerdir=" + String.join(":", topFirst) + ",upperdir=" + optionValue(upper)
                + ",workdir=" + optionValue(work);
        Command.Result result = Command.run(List.of("mount", "-t", "overlay", "overlay", "-o", options,
                target.toString()), TIMEOUT);
        if (!result.ok()) {
            throw new IOException("cannot mount an overlay on " + target + " (" + options + "): " + result.describe());
        }
    }

    @Override
    public boolean unmount(Path target) throws IOException {
        Command.Result result = Command.run(List.of("umount", target.toString()), TIMEOUT);
        if (result.ok()) {
            return true;
        }
        if (result.output().contains("busy")) {
            return false;
        }
        if (MountTable.read().at(target).isEmpty()) {
            return true; // it was not mounted, or someone else unmounted it meanwhile
        }
        throw new IOException("cannot unmount " + target + ": " + result.describe());
    }

    @Override
    public void detach(Path target) throws IOException {
        Command.Result result = Command.run(List.of("umount", "-l", target.toString()), TIMEOUT);
        if (!result.ok() && MountTable.read().at(target).isPresent()) {
            throw new IOException("cannot detach (umount -l) " + target + ": " + result.describe());
        }
    }

    /**
     * The overlay option string separates options with commas and lower layers with colons, and escapes with
     * backslashes; a path holding one of those would be misread, so it is refused.
     */
    static String optionValue(Path path) throws IOException {
        String value = path.toString();
        for (char c : value.toCharArray()) {
            if (c == ',' || c == ':' || c == '\\' || c < 0x20) {
                throw new IOException("cannot use " + path + " in overlay mount options: it contains "
                        + (c < 0x20 ? "a control character" : "'" + c + "'"));
            }
        }
        return value;
    }
}
