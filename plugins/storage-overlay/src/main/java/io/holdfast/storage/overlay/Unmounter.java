package io.holdfast.storage.overlay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Unmounts everything mounted on or below a container's directory, so that deleting the directory can never reach
 * through a mount into something else (the image's root filesystem is the lower layer of every overlay). A busy
 * mount is retried a few times; only when it stays busy is it detached lazily, with a warning in the log.
 */
final class Unmounter {
    private static final Logger LOG = Logger.getLogger(Unmounter.class.getName());
    /** Bounds the loop in case something keeps mounting below the directory while it is being emptied. */
    private static final int MAX_MOUNTS = 64;

    private final Mounts mounts;
    private final int attempts;
    private final Duration pause;

    /**
     * @param attempts how many times a busy mount is tried before it is detached lazily
     * @param pause    how long to wait between two tries
     */
    Unmounter(Mounts mounts, int attempts, Duration pause) {
        this.mounts = mounts;
        this.attempts = attempts;
        this.pause = pause;
    }

    /**
     * Unmounts every mount on or below {@code dir}, deepest and most recent first, and returns once the mount table
     * shows none left. Blocks on each umount and, for a busy mount, up to {@code attempts * pause} before detaching.
     *
     * @param containerId names the container (or leftover) in log lines and errors
     */
    void unmountAll(Path dir, String containerId) throws IOException {
        for (int round = 0; round < MAX_MOUNTS; round++) {
            List<MountTable.Mount> left = mounts.table().atOrBelow(dir);
            if (left.isEmpty()) {
                return;
            }
            // deepest first; at equal depth the later entry, which is mounted on top of the earlier one
            MountTable.Mount top = left.get(0);
            for (MountTable.Mount m : left) {
                if (m.mountPoint().getNameCount() >= top.mountPoint().getNameCount()) {
                    top = m;
                }
            }
            unmount(top.mountPoint(), containerId);
        }
        throw new IOException("container " + containerId + ": " + dir + " still has mounts after " + MAX_MOUNTS
                + " unmounts: " + mounts.table().atOrBelow(dir).stream().map(m -> m.mountPoint().toString()).toList());
    }

    private void unmount(Path point, String containerId) throws IOException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (mounts.unmount(point)) {
                return;
            }
            if (attempt < attempts) {
                sleep(point, containerId);
            }
        }
        LOG.warning("container " + containerId + ": " + point + " is still busy after " + attempts
                + " tries to unmount it; detaching it lazily (umount -l) as a last resort: the kernel frees it once "
                + "the processes using it are gone");
        mounts.detach(point);
    }

    private void sleep(Path point, String containerId) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("container " + containerId + ": interrupted while waiting to unmount " + point, e);
        }
    }
}
