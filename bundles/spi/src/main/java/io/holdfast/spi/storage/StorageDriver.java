package io.holdfast.spi.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Gives each container a root filesystem made from its image's. Plugins register implementations as services with
 * the {@link #NAME} property; daemon.json's {@code storage-driver} picks one.
 *
 * <p>What the engine calls, in order:
 * <ol>
 * <li>{@link #create} when a container is created, before its record exists; a failure must undo its own work.</li>
 * <li>{@link #remove} when the container is removed, after its process has ended.</li>
 * <li>{@link #restore} at every engine start, before any container is adopted or started, with every container
 *     that uses this driver; again when the driver's bundle arrives or is updated later, and when the restore runs
 *     again. It must be idempotent. The engine never runs it while a {@link #create} is in progress.</li>
 * </ol>
 *
 * <p>Restore contract: containers may have run on their root filesystems all the while the engine was away. A driver
 * must never unmount, remount or rewrite the root filesystem of a container the engine lists, neither when its
 * component activates nor in {@link #restore}; it removes only what belongs to no listed container. It must not keep
 * threads or caches past its deactivation. Methods may block on disk I/O and mount calls; they are not called
 * concurrently for the same container.
 *
 * <pre>{@code
 * @Component(property = StorageDriver.NAME + "=vfs")
 * public class VfsStorageDriver implements StorageDriver { ... }
 * }</pre>
 */
@ConsumerType
public interface StorageDriver {
    /** Service property carrying the driver's name. */
    String NAME = "holdfast.storage.driver";

    /** The name daemon.json uses for this driver. */
    String name();

    /**
     * Creates the container's root filesystem from the image's.
     *
     * @param containerId the container's id
     * @param imageRootfs the image's root filesystem; read only, never modify it
     * @param home        a directory owned by this driver under the data root; the driver keeps what belongs to
     *                    the container under {@code <home>/<containerId>}, which is how the engine tells which
     *                    driver an orphan's root filesystem lives in
     * @return the path of the new root filesystem
     */
    Path create(String containerId, Path imageRootfs, Path home) throws IOException;


    /** Removes what {@link #create} made. Removing something that does not exist succeeds. */
    void remove(String containerId, Path home) throws IOException;

    /**
     * Called at every engine start, before any container is adopted or started, with every container the engine
     * has a record for that uses this driver (see the class comment for when else it is called). The driver keeps their root filesystems exactly as they are (a running container's mount
     * stays mounted, untouched), makes any that a reboot unmounted usable again, and removes what belongs to no
     * container (a create interrupted by a crash, a container removed while its mount leaked). Blocks on disk I/O
     * and mount calls; never blocks on other containers. The list includes orphans (containers a monitor holds that
     * no record knows about) that have a {@code <home>/<id>}: kept, like any listed container, until the operator
     * decides.
     */
    void restore(Set<String> containerIds, Path home) throws IOException;

    /**
     * Creates the container's root filesystem from an image made of layers, as {@link #create(String, Path, Path)}
     * does from a flat one. Each layer is a directory in overlayfs's format: a character device 0/0 is a whiteout
     * that hides the name in the layers below (opaque directories arrive as whiteouts of every name below them).
     * The default takes a single layer as a flat image and refuses more, naming the driver.
     *
     * @param layers the layers' directories, lowest first; read only, never modify them
     */
    default Path create(String containerId, List<Path> layers, Path home) throws IOException {
        if (layers.size() == 1) {
            return create(containerId, layers.get(0), home);
        }
        throw new IOException("storage driver " + name() + " cannot stack " + layers.size() + " image layers");
    }

    /**
     * The driver's own settings that a container's root filesystem depends on (e.g. mount options), as strings.
     * Each container records them when it is created; a restore that finds them changed does not adopt the
     * container silently but lists it as needing attention. Never blocks.
     */
    default Map<String, String> settings() {
        return Map.of();
    }
}
