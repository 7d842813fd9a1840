package io.holdfast.spi.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps volumes: directories that containers bind in and that outlive them, the engine, and its upgrades. Plugins
 * register implementations as services with the {@link #NAME} property; {@code docker volume create --driver NAME}
 * (default {@code local}) picks one, and a volume keeps its driver for life.
 *
 * <p>What the engine calls, in order:
 * <ol>
 * <li>{@link #create} once per volume, after the engine checked that no volume has the name and before it records
 *     the volume; a failure must undo its own work. Options the driver does not know are refused here.</li>
 * <li>{@link #mount} at every start of every container that uses the volume, before the runtime binds the returned
 *     directory in. It mounts what the options ask for (a tmpfs, a device) at the first use and returns the same
 *     directory, touching nothing, when it is mounted already: a running container may be using it.</li>
 * <li>{@link #remove} when the user removes the volume, only once no container record uses it.</li>
 * <li>{@link #restore} at every engine start, before any container is adopted or started, with every volume the
 *     engine has a record of for this driver; again when the driver's bundle arrives or is updated. It must be
 *     idempotent and is never run while a {@link #create} or {@link #remove} is in progress.</li>
 * </ol>
 *
 * <p>Restore contract: containers may have used their volumes all the while the engine was away. A driver never
 * unmounts, remounts or empties a listed volume, neither when its component activates nor in {@link #restore}; a
 * mount a reboot took away is made again lazily by the next {@link #mount}. It deletes only what belongs to no
 * listed volume (a create a crash interrupted). It keeps no threads or caches past its deactivation, and its
 * deactivation unmounts nothing. Every method may block on disk I/O and mount calls, each bounded by a timeout;
 * none waits on containers or services. Calls for one volume are never concurrent; calls for different volumes may
 * be.
 *
 * <pre>{@code
 * @Component(property = VolumeDriver.NAME + "=local")
 * public class LocalVolumeDriver implements VolumeDriver { ... }
 * }</pre>
 */
@ConsumerType
public interface VolumeDriver {
    /** Service property carrying the driver's name. */
    String NAME = "holdfast.volume.driver";

    /** The name {@code --driver} and the volume's record use. */
    String name();

    /**
     * Creates the volume's directory (empty) and records its options where {@link #restore} finds them again.
     *
     * @param volume  the volume's name, already checked ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+})
     * @param options the driver options the user gave ({@code type}, {@code device}, {@code o} for {@code local})
     * @param home    a directory owned by this driver under the data root; the driver keeps each volume below
     *                {@code <home>/<volume>}
     * @throws IllegalArgumentException for an option the driver does not know or cannot use, with a sentence
     *                                  naming it; nothing is left behind
     */
    void create(String volume, Map<String, String> options, Path home) throws IOException;

    /**
     * The host directory a container binds in, mounted first if the volume's options ask for a mount that is not
     * there (its first use, or its first after a reboot). Returns {@link #path} for the same volume; a call on a
     * mounted volume changes nothing.
     */
    Path mount(String volume, Map<String, String> options, Path home) throws IOException;

    /** Where the volume's data is on the host (Docker's {@code Mountpoint}); changes nothing, never blocks. */
    Path path(String volume, Path home);

    /** Unmounts (if mounted) and deletes the volume and its data. Removing an unknown volume succeeds. */
    void remove(String volume, Path home) throws IOException;

    /**
     * Called at every engine start, before any container is adopted or started, with every volume the engine has a
     * record of for this driver and each one's options. Keeps them exactly as they are (mounted or not) and deletes
     * what belongs to none of them under {@code home}. Blocks on disk I/O; never mounts or unmounts a listed volume.
     */
    void restore(Map<String, Map<String, String>> volumes, Path home) throws IOException;
}
