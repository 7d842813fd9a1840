package io.holdfast.volume.local;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The mount calls the driver makes, behind an interface so its bookkeeping can be tested with a fake;
 * {@link SystemMounts} is the real one. Each call may block on the kernel, bounded by a timeout.
 */
interface Mounts {
    /** Whether something is mounted on exactly {@code point}. */
    boolean isMountPoint(Path point) throws IOException;

    /** {@code mount -t TYPE [-o OPTIONS] DEVICE point}. */
    void mount(LocalOptions options, Path point) throws IOException;

    /** Unmounts {@code point}; a point with nothing mounted succeeds. */
    void unmount(Path point) throws IOException;
}
