package io.holdfast.storage.overlay;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The mount calls the driver makes, behind an interface so that its bookkeeping (what to keep, remount or remove) can
 * be tested against a fake that records calls. {@link SystemMounts} is the real one. Every method may block on the
 * kernel and on disk I/O, bounded by a timeout.
 */
interface Mounts {
    /** A fresh snapshot of the mount table. */
    MountTable table() throws IOException;

    /** Mounts an overlay on {@code target} with {@code lower} as its only, read-only, lower layer. */
    void mountOverlay(Path lower, Path upper, Path work, Path target) throws IOException;

    /** Mounts an overlay on {@code target} over {@code lowers}, lowest first; one lower is the call above. */
    default void mountOverlay(java.util.List<Path> lowers, Path upper, Path work, Path target) throws IOException {
        if (lowers.size() != 1) {
            throw new IOException("these mounts stack one lower layer only, not " + lowers.size());
        }
        mountOverlay(lowers.get(0), upper, work, target);
    }

    /**
     * One attempt to unmount what is mounted on {@code target}. Returns false when the mount is busy (a process has a
     * file open or its working directory on it); succeeds when {@code target} is not, or no longer, a mount point.
     */
    boolean unmount(Path target) throws IOException;

    /**
     * Detaches {@code target} lazily ({@code umount -l}): it disappears from the mount table now and the kernel frees
     * it once its last user is gone. Only for a mount that stayed busy.
     */
    void detach(Path target) throws IOException;
}
