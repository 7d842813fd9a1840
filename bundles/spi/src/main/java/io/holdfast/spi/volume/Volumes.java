package io.holdfast.spi.volume;

import java.util.List;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's volumes, whatever their driver: what {@code /volumes} and {@code holdfast volume} serve. Thread-safe;
 * methods throw {@link io.holdfast.spi.container.EngineException} with a sentence that says what is wrong
 * ({@code NOT_FOUND}, {@code CONFLICT} for a volume in use, {@code INVALID} for a bad name or option).
 *
 * <pre>{@code
 * Volume data = volumes.create(new VolumeRequest("pgdata", "", Map.of(), Map.of("app", "db")));
 * volumes.remove("pgdata", false);   // CONFLICT while a container uses it
 * }</pre>
 */
@ProviderType
public interface Volumes {
    /**
     * Creates a volume; a named one that exists already with the same driver is returned as it is (Docker's
     * create is idempotent), with another driver it is a {@code CONFLICT}. Blocks while the driver creates it.
     */
    Volume create(VolumeRequest request);

    List<Volume> list();

    /** The volume {@code name}; {@code NOT_FOUND} if there is none. */
    Volume get(String name);

    /** The ids of the containers (any state) whose record uses the volume. */
    List<String> usedBy(String name);

    /**
     * Removes the volume and its data; {@code CONFLICT} while a container uses it. {@code force} only makes a
     * missing volume no error (Docker's {@code rm -f}); a volume in use is never removed.
     */
    void remove(String name, boolean force);

    /** Removes every volume no container uses that {@code which} accepts; returns their names and bytes freed. */
    VolumePruneReport prune(Predicate<Volume> which);
}
